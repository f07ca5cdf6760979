// expect: yes
// args: --function f --property no-div-by-zero
// note: && evaluates x / y only when y != 0, so there is no division by zero.
int f(int x, int y) {
  if (y != 0 && x / y > 1) {
    return 1;
  }
  return 0;
}
