// expect: yes
// args: --function main --property memory-safety --property memory-leak --malloc-never-fails
// note: the block's address is moved into the struct before the local goes away, and freed through that copy.
#include <stdlib.h>

struct owner {
  int *data;
};

static void adopt(struct owner *o) {
  int *d = malloc(3 * sizeof *d);
  d[0] = 1;
  o->data = d;
}

int main(void) {
  struct owner o;
  adopt(&o);
  int v = o.data[0];
  free(o.data);
  return v - 1;
}
