// expect: no
// args: --function main --property memory-safety --malloc-never-fails
// violation: valid-deref 21
// witness: main(): the loop step n = n->next reads a node that was just freed
// note: the for-loop's step runs after the body, so n->next is read from freed memory.
#include <stdlib.h>

struct node {
  int val;
  struct node *next;
};

int main(void) {
  struct node *head = NULL;
  for (int i = 0; i < 3; i++) {
    struct node *n = malloc(sizeof *n);
    n->val = i;
    n->next = head;
    head = n;
  }
  for (struct node *n = head; n != NULL; n = n->next)
    free(n);
  return 0;
}
