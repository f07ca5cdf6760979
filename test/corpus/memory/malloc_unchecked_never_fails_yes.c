// expect: yes
// args: --function main --property memory-safety --property memory-leak --malloc-never-fails
// note: with allocation assumed to succeed, p points to a fresh int, which is written and freed.
#include <stdlib.h>

int main(void) {
  int *p = malloc(sizeof *p);
  *p = 1;
  free(p);
  return 0;
}
