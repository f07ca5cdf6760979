// expect: yes
// args: --function f
// note: the loop is not constant-bound syntactically, but it runs at most 10 times for any unsigned char x.
extern void __VERIFIER_assert(int cond);

int f(unsigned char x) {
  int n = 0;
  while (x < 10) {
    x++;
    n++;
  }
  __VERIFIER_assert(x >= 10 && n <= 10);
  return n;
}
