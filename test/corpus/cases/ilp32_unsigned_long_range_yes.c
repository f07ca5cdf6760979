// expect: yes
// args: --function f --data-model ILP32
// note: under ILP32 unsigned long has 32 bits, so it never exceeds 4294967295.
extern void __VERIFIER_assert(int cond);

unsigned long f(unsigned long x) {
  __VERIFIER_assert(x <= 4294967295UL);
  return x;
}
