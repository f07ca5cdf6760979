// expect: no
// args: --function f --property valid-shift
// property: f.shift.2
// witness: f(-1, 0)
// note: the amount is in range (f.shift.1 holds), but left-shifting a negative value is UB (C11 6.5.7p4), even by 0.
int f(int x, int s) {
  if (x < 0 && s >= 0 && s < 31) {
    return x << s;
  }
  return 0;
}
