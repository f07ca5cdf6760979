// expect: yes
// args: --function main --property memory-safety --property assertions --data-model ILP32
// note: in ILP32 sizeof(long) is 4, so the loop writes b[0..3] only and then w.u is 0.
#include <assert.h>

union word {
  unsigned int u;
  unsigned char b[4];
};

int main(void) {
  union word w;
  for (unsigned long k = 0; k < sizeof(long); k++)
    w.b[k] = 0;
  assert(w.u == 0);
  return 0;
}
