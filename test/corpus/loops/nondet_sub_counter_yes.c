// expect: yes
// note: invariant at the loop: 0 <= j <= i <= n; j counts a nondeterministic subset of the n iterations.
extern int __VERIFIER_nondet_int(void);
extern void __VERIFIER_assume(int cond);
extern void __VERIFIER_assert(int cond);

int main(void) {
  int n = __VERIFIER_nondet_int();
  __VERIFIER_assume(n >= 0 && n <= 1000000);
  int i = 0;
  int j = 0;
  while (i < n) {
    i++;
    if (__VERIFIER_nondet_int()) j++;
  }
  __VERIFIER_assert(i == n && 0 <= j && j <= n);
  return 0;
}
