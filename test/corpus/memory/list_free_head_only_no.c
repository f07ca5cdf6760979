// expect: no
// args: --function main --property memory-leak --malloc-never-fails
// violation: valid-memtrack 21
// witness: main(): free(head) drops the only pointer to the second and third nodes
// note: the other nodes are reachable only through head->next, which dies with the head node.
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
  free(head);
  return 0;
}
