// expect: yes
// args: --function f
// note: an unsigned countdown from 10 runs 11 times and stops when i wraps to UINT_MAX (defined wraparound).
extern void __VERIFIER_assert(int cond);

int f(void) {
  int n = 0;
  unsigned i;
  for (i = 10; i < 11; i--) {
    n++;
  }
  __VERIFIER_assert(n == 11 && i == 4294967295u);
  return n;
}
