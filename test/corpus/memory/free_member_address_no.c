// expect: no
// args: --function main --property memory-safety --malloc-never-fails
// violation: valid-free 14
// witness: main(): release(&r->body) frees a pointer 8 bytes into the block
// note: &r->body points inside the malloc'd struct, not at its start, so it is not a pointer malloc returned.
#include <stdlib.h>

struct record {
  long header;
  int body[4];
};

static void release(void *p) {
  free(p);
}

int main(void) {
  struct record *r = malloc(sizeof *r);
  r->header = 1;
  r->body[0] = 2;
  release(&r->body);
  return 0;
}
