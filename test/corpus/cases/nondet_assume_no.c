// expect: no
// property: main.assertion.1
// witness: nondet 99
// note: x = 99 satisfies the assumption and gives x * x = 9801, violating the assertion.
extern int __VERIFIER_nondet_int(void);
extern void __VERIFIER_assume(int cond);
extern void __VERIFIER_assert(int cond);

int main(void) {
  int x = __VERIFIER_nondet_int();
  __VERIFIER_assume(x > 0 && x < 100);
  int y = x * x;
  __VERIFIER_assert(y < 9801);
  return 0;
}
