// expect: no
// args: --function f --property memory-safety
// violation: valid-deref 11
// witness: f(i = 4)
// note: the largest designator [3] makes lut an int[4] (C11 6.7.9p22), so the guard i <= 4 lets lut[4] through.
static const int lut[] = {[3] = 30, [1] = 10};

int f(int i) {
  if (i < 0 || i > 4)
    return 0;
  return lut[i];
}
