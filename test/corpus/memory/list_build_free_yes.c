// expect: yes
// args: --function main --property memory-safety --property memory-leak --malloc-may-fail
// gap: bounded model checking of this list over byte-level memory does not finish in time yet
// note: push links each new node at the head (or allocates nothing); the free loop saves next before freeing each node.
#include <stdlib.h>

struct node {
  int val;
  struct node *next;
};

static struct node *push(struct node *head, int v) {
  struct node *n = malloc(sizeof *n);
  if (n == NULL)
    return head;
  n->val = v;
  n->next = head;
  return n;
}

int main(void) {
  struct node *head = NULL;
  for (int i = 0; i < 3; i++)
    head = push(head, i);
  int sum = 0;
  for (struct node *n = head; n != NULL; n = n->next)
    sum += n->val;
  while (head != NULL) {
    struct node *next = head->next;
    free(head);
    head = next;
  }
  return sum;
}
