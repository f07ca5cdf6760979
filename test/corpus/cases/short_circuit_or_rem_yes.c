// expect: yes
// args: --function f
// note: || evaluates x % y only when y != 0; both are unsigned, so no other UB.
int f(unsigned x, unsigned y) {
  if (y == 0 || x % y == 0) {
    return 1;
  }
  return 0;
}
