// expect: yes
// args: --function f --property memory-safety
// note: 0 <= r < 3 and 0 <= c < 4 keep m[r][c] and m[2 - r][3 - c] inside both dimensions of int m[3][4].
extern void __VERIFIER_assume(int);

int f(int r, int c) {
  int m[3][4] = {{0}};
  __VERIFIER_assume(r >= 0 && r < 3 && c >= 0 && c < 4);
  m[r][c] = 1;
  return m[r][c] + m[2 - r][3 - c];
}
