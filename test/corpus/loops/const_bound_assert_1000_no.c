// expect: no
// args: --function f
// property: f.assertion.1
// witness: f()
// note: the assertion fails in the 1001st iteration, when i == 1000, far beyond an unwinding of 64.
extern void __VERIFIER_assert(int cond);

int f(void) {
  int s = 0;
  for (int i = 0; i < 2000; i++) {
    __VERIFIER_assert(i != 1000);
    s++;
  }
  return s;
}
