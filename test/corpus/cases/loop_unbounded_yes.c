// expect: yes
// args: --function f
// note: the assertion holds, but the loop runs n times for an arbitrary 32-bit n, beyond any unwinding BMC can try: only a loop invariant proves it.
extern void __VERIFIER_assert(int cond);

int f(unsigned n) {
  unsigned i = 0;
  while (i < n) {
    i++;
  }
  __VERIFIER_assert(i == n);
  return 0;
}
