// expect: yes
// args: --function f
// why: outer ranking n - i, inner ranking m - j; i < n and j < m before each increment, so neither i + 1 nor j + 1 can overflow.
void f(int n, int m) {
  for (int i = 0; i < n; i++)
    for (int j = 0; j < m; j++) {
    }
}
