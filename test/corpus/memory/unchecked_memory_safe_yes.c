// expect: yes
// args: --function main --property assertions --malloc-never-fails
// note: memory checks are not asked about, but none of them can fail either, so the yes does not rest on undefined behaviour
#include <assert.h>
#include <stdlib.h>

int main(void) {
  int a[4] = {1, 2, 3, 4};
  int *h = malloc(sizeof(int) * 2);
  h[0] = a[3];
  h[1] = a[0];
  assert(h[0] + h[1] == 5);
  free(h);
  return 0;
}
