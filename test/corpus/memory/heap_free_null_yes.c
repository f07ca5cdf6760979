// expect: yes
// args: --function main --property memory-safety --property memory-leak --malloc-may-fail
// note: free(NULL) does nothing (C11 7.22.3.3p2), so freeing p is fine whether or not malloc failed.
#include <stdlib.h>

int main(void) {
  int *p = NULL;
  free(p);
  p = malloc(sizeof *p);
  if (p != NULL)
    *p = 1;
  free(p);
  return 0;
}
