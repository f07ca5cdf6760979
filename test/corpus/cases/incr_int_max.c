// expect: no
// args: --function f --property no-overflow
// property: f.overflow.1
// witness: f(2147483647)
// note: x++ on an int at INT_MAX overflows (UB).
int f(int x) {
  x++;
  return x;
}
