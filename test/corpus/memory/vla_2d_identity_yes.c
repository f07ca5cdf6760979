// expect: yes
// args: --function f --property memory-safety --property assertions
// gap: pointer arithmetic on variable-length array types is not modelled yet
// note: int m[n][n] with 1 <= n <= 4, both indices stay below n; the trace of the identity is n.
#include <assert.h>
extern void __VERIFIER_assume(int);

int f(int n) {
  __VERIFIER_assume(n >= 1 && n <= 4);
  int m[n][n];
  for (int i = 0; i < n; i++)
    for (int j = 0; j < n; j++)
      m[i][j] = (i == j);
  int t = 0;
  for (int i = 0; i < n; i++)
    t += m[i][i];
  assert(t == n);
  return t;
}
