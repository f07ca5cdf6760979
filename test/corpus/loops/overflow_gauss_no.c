// expect: no
// args: --function f --property no-overflow
// property: f.overflow.2
// witness: f(65537)
// note: s == i*(i-1)/2 stays below INT_MAX for 65536 iterations; the 65537th adds 65536 to 2147450880 and overflows.
int f(int n) {
  int s = 0;
  for (int i = 0; i < n; i++) {
    s += i;
  }
  return s;
}
