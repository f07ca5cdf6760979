// expect: yes
// args: --function main --property memory-safety --property assertions
// note: r runs 0..2 and c runs 0..3 over int m[3][4]; m[r][c] = 4r + c, so m[2][3] = 11 and m[1][0] = 4.
#include <assert.h>

int main(void) {
  int m[3][4];
  for (int r = 0; r < 3; r++)
    for (int c = 0; c < 4; c++)
      m[r][c] = r * 4 + c;
  assert(m[2][3] == 11 && m[1][0] == 4);
  int diag = 0;
  for (int k = 0; k < 3; k++)
    diag += m[k][k];
  assert(diag == 15);
  return 0;
}
