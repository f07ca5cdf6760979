// expect: no
// args: --function f --property valid-shift
// property: f.shift.1
// witness: f(32)
// note: 1 << 32 on a 32-bit int: the amount equals the width (UB).
int f(int s) {
  if (s >= 0) {
    return 1 << s;
  }
  return 0;
}
