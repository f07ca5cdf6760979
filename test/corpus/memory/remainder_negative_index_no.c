// expect: no
// args: --function bucket --property memory-safety
// violation: valid-deref 8
// witness: bucket(h = -1)
// note: % truncates toward zero (C11 6.5.5p6), so h % 4 is negative for negative h, e.g. -1.
int bucket(int h) {
  int t[4] = {10, 20, 30, 40};
  return t[h % 4];
}
