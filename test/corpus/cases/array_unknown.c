// expect: unknown
// args: --function f
// reason: unsupported
// note: arrays are not modelled.
int f(int i) {
  int a[4] = {1, 2, 3, 4};
  if (i >= 0 && i < 4) {
    return a[i];
  }
  return 0;
}
