// expect: no
// args: --function f --property no-overflow
// property: f.overflow.2
// witness: f(1000000)
// note: x += 1 cannot overflow for x <= 10^6, but (10^6 + 1) * 4096 > INT_MAX overflows in x *= 4096.
int f(int x) {
  if (x < 0 || x > 1000000) {
    return 0;
  }
  x += 1;
  x *= 4096;
  return x;
}
