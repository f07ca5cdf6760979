// expect: no
// args: --function f
// kind: overflow
// witness: f(0, -2147483648)
// why: with y == INT_MIN, x = 0 + y is fine but y - 1 overflows (undefined behaviour); a run without overflow computes the same as with mathematical integers, where the loop terminates (math_multiphase_yes.c), so overflow is the only way to answer no.
void f(int x, int y) {
  while (x >= 0) {
    x = x + y;
    y = y - 1;
  }
}
