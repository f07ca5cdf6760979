// expect: yes
// args: --function main --property memory-safety --property memory-leak --property assertions --malloc-never-fails
// gap: bounded model checking over byte-level memory takes 20-60 s here: don't know under load is accepted
// note: the middle node is unlinked before it is freed, so later traversals and the final free loop touch only live nodes.
#include <assert.h>
#include <stdlib.h>

struct node {
  int val;
  struct node *next;
};

int main(void) {
  struct node *head = NULL;
  for (int i = 3; i >= 1; i--) {
    struct node *n = malloc(sizeof *n);
    n->val = i;
    n->next = head;
    head = n;
  }
  struct node *mid = head->next;
  head->next = mid->next;
  free(mid);
  assert(head->val == 1 && head->next->val == 3 && head->next->next == NULL);
  while (head != NULL) {
    struct node *next = head->next;
    free(head);
    head = next;
  }
  return 0;
}
