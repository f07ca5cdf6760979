// expect: no
// args: --function main --property memory-safety
// violation: valid-deref 9
// witness: main(): the iteration j = 3 writes m[0][3]
// note: m[0] is an int[3]; m[0][3] is out of its bounds even though m[1][0] lies there (C11 J.2: "a[1][7] given int a[4][5]").
int main(void) {
  int m[2][3] = {{0}};
  for (int j = 0; j <= 3; j++)
    m[0][j] = j;
  return m[1][0];
}
