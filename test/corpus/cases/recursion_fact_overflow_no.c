// expect: no
// args: --function f --property no-overflow
// property: fact.overflow.1
// witness: f(13)
// note: 13! = 6227020800 > INT_MAX; the overflow needs 12 nested recursive calls to reach.
int fact(int n) {
  if (n <= 1) return 1;
  return n * fact(n - 1);
}

int f(unsigned char k) {
  if (k > 20) return 0;
  return fact(k);
}
