// expect: no
// args: --function f --property assertions
// property: f.assertion.1
// witness: f(-1)
// note: -1 / 2 == 0 (truncation) but -1 >> 1 == -1 (arithmetic shift, gcc's implementation-defined choice).
extern void __VERIFIER_assert(int cond);

int f(int a) {
  __VERIFIER_assert(a / 2 == (a >> 1));
  return 0;
}
