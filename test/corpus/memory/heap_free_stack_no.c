// expect: no
// args: --function main --property memory-safety --malloc-never-fails
// violation: valid-free 9
// witness: main(): the second call frees &local
// note: free accepts only NULL or a pointer returned by malloc/calloc/realloc; &local is a stack address.
#include <stdlib.h>

static void cleanup(int *p) {
  free(p);
}

int main(void) {
  int local = 0;
  int *heap = malloc(sizeof *heap);
  cleanup(heap);
  cleanup(&local);
  return local;
}
