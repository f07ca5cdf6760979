// expect: no
// args: --function f
// property: f.overflow.1
// witness: f(46341)
// note: 46341 * 46341 = 2147488281 > INT_MAX (UB).
int f(int a) {
  return a * a;
}
