// expect: yes
// args: --function main --property memory-safety --property assertions
// note: both loops run i = 0..4 over int a[5], always in bounds; the squares sum to 0+1+4+9+16 = 30.
#include <assert.h>

int main(void) {
  int a[5];
  for (int i = 0; i < 5; i++)
    a[i] = i * i;
  int s = 0;
  for (int i = 0; i < 5; i++)
    s += a[i];
  assert(s == 30);
  return 0;
}
