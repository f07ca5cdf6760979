// expect: no
// args: --function main --property memory-safety --property memory-leak --malloc-never-fails
// violation: valid-memtrack 34
// witness: no inputs: the second list's nodes are never freed
// note: list code with container_of written by hand (`&((struct item *)0)->link` computes an offset and reads nothing); freeing the first list only leaves the second one's node unreachable when its owner is freed.
#include <stdlib.h>

struct link {
  struct link *next;
};
struct item {
  int value;
  struct link link;
};
struct owner {
  struct link a;
  struct link b;
};

static struct item *item_of(struct link *l) {
  return (struct item *)((char *)l - (unsigned long)(&((struct item *)0)->link));
}

int main(void) {
  struct owner *o = malloc(sizeof *o);
  struct item *x = malloc(sizeof *x);
  struct item *y = malloc(sizeof *y);
  x->value = 1;
  y->value = 2;
  o->a.next = &x->link;
  o->b.next = &y->link;
  free(item_of(o->a.next));
  free(o);
  return 0;
}
