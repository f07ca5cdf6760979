// expect: yes
// args: --function f
// note: the goto skips the assignment exactly when n < 0.
extern void __VERIFIER_assert(int cond);

int f(int n) {
  int i = 0;
  if (n < 0) goto out;
  i = 1;
out:
  __VERIFIER_assert((i == 0) == (n < 0));
  return i;
}
