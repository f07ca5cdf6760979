// expect: no
// args: --function f --property assertions
// property: f.assertion.1
// witness: f(3)
// note: case 3 has no break, so it falls into default and r becomes 10 + 5 = 15.
extern void __VERIFIER_assert(int cond);

int f(int x) {
  int r = 0;
  switch (x) {
    case 1:
      r += 1;
    case 2:
      r += 2;
      break;
    case 3:
      r = 10;
    default:
      r += 5;
  }
  __VERIFIER_assert(r != 15);
  return r;
}
