// expect: no
// args: --function main --property memory-safety --property memory-leak --malloc-never-fails
// violation: valid-memtrack 16
// witness: no inputs: the first block's only pointer is overwritten
// note: a global that is declared (as headers declare stdin) but never used holds no pointer to the heap, so it does not make the leak uncertain.
#include <stdlib.h>

extern char *declared_only;
struct cell { struct cell *next; };
extern struct cell *also_declared_only;

int main(void) {
  int *p = malloc(sizeof *p);
  p = malloc(sizeof *p);
  free(p);
  return 0;
}
