// expect: no
// args: --function f --property memory-safety
// violation: valid-deref 11
// witness: f(r = 3, c = 0)
// note: the assumption allows r = 3, and m[3] is past the last row of int m[3][4] (outside the whole object).
extern void __VERIFIER_assume(int);

int f(int r, int c) {
  int m[3][4] = {{0}};
  __VERIFIER_assume(r >= 0 && r <= 3 && c >= 0 && c < 4);
  m[r][c] = 1;
  return m[0][0];
}
