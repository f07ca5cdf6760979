// expect: yes
// args: --function main --property memory-safety --property assertions
// gap: pointer arithmetic on variable-length array types is not modelled yet
// note: trace receives the real dimension n of the VLA m[n][n] it is given, so every m[i][i] is in bounds.
#include <assert.h>

static int trace(int n, int m[n][n]) {
  int t = 0;
  for (int i = 0; i < n; i++)
    t += m[i][i];
  return t;
}

int main(void) {
  int n = 3;
  int m[n][n];
  for (int i = 0; i < n; i++)
    for (int j = 0; j < n; j++)
      m[i][j] = i + j;
  assert(trace(n, m) == 0 + 2 + 4);
  return 0;
}
