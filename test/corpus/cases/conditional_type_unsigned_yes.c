// expect: yes
// args: --function f
// note: c ? -1 : 0u has type unsigned int, so the -1 branch is UINT_MAX, which is > 0.
extern void __VERIFIER_assert(int cond);

int f(int c) {
  if (c != 0) {
    __VERIFIER_assert((c ? -1 : 0u) > 0);
  }
  return 0;
}
