// expect: yes
// args: --function main --property memory-safety --property assertions
// note: alloca storage lives until the calling function returns, not until the end of the block that called it.
#include <alloca.h>
#include <assert.h>

int main(void) {
  int *p;
  {
    p = alloca(4 * sizeof *p);
  }
  for (int i = 0; i < 4; i++)
    p[i] = i;
  assert(p[3] == 3);
  return 0;
}
