// expect: no
// args: --function f --property assertions
// property: f.assertion.1
// witness: f(48)
// note: twice(add1(add1 ...)) adds 2, so x = 48 gives 50.
extern void __VERIFIER_assert(int cond);

static int add1(int x) {
  return x + 1;
}

static int twice(int x) {
  return add1(add1(x));
}

int f(int x) {
  if (x < 0 || x > 100) {
    return 0;
  }
  __VERIFIER_assert(twice(x) != 50);
  return 1;
}
