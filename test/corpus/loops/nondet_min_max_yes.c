// expect: yes
// note: invariant at the loop: lo <= hi; every nondeterministic value can only lower lo or raise hi.
extern int __VERIFIER_nondet_int(void);
extern void __VERIFIER_assert(int cond);

int main(void) {
  int lo = __VERIFIER_nondet_int();
  int hi = lo;
  while (__VERIFIER_nondet_int()) {
    int v = __VERIFIER_nondet_int();
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  __VERIFIER_assert(lo <= hi);
  return 0;
}
