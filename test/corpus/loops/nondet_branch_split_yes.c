// expect: yes
// note: invariant at the loop: x + y == i && x >= 0 && y >= 0 && 0 <= i <= n; each iteration increments x or y, chosen nondeterministically.
extern int __VERIFIER_nondet_int(void);
extern void __VERIFIER_assume(int cond);
extern void __VERIFIER_assert(int cond);

int main(void) {
  int n = __VERIFIER_nondet_int();
  __VERIFIER_assume(n >= 0 && n <= 1000000);
  int x = 0;
  int y = 0;
  for (int i = 0; i < n; i++) {
    if (__VERIFIER_nondet_int()) {
      x++;
    } else {
      y++;
    }
  }
  __VERIFIER_assert(x + y == n && x >= 0 && y >= 0);
  return 0;
}
