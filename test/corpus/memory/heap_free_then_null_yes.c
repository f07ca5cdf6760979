// expect: yes
// args: --function main --property memory-safety --property memory-leak --malloc-may-fail
// note: drop nulls the pointer after freeing it, so the second drop frees NULL and the final check skips the read.
#include <stdlib.h>

static void drop(int **pp) {
  free(*pp);
  *pp = NULL;
}

int main(void) {
  int *p = malloc(4 * sizeof *p);
  if (p != NULL)
    p[3] = 7;
  drop(&p);
  drop(&p);
  if (p != NULL)
    return *p;
  return 0;
}
