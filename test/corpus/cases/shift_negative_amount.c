// expect: no
// args: --function f --property valid-shift
// property: f.shift.1
// witness: f(1u, -1)
// note: the upper bound is checked but not the lower one: a negative shift amount is UB.
unsigned f(unsigned x, int s) {
  if (s < 32) {
    return x << s;
  }
  return 0;
}
