// expect: yes
// note: x is assumed in [1, 99], so x * x <= 9801 < 10000 and cannot overflow.
extern int __VERIFIER_nondet_int(void);
extern void __VERIFIER_assume(int cond);
extern void __VERIFIER_assert(int cond);

int main(void) {
  int x = __VERIFIER_nondet_int();
  __VERIFIER_assume(x > 0 && x < 100);
  int y = x * x;
  __VERIFIER_assert(y < 10000);
  return 0;
}
