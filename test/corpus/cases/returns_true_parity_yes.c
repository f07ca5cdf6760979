// expect: yes
// args: --function f --returns-true
// note: exactly one of x % 2 == 0 and x % 2 != 0 holds; for negative x the remainder is -1, not 1, which the test handles.
int f(int x) {
  int r = x % 2;
  return (r == 0) + (r == 1 || r == -1) == 1;
}
