// expect: yes
// args: --function main --property memory-safety --property assertions
// note: sizeof of an array or struct object gives its full size, so each memset covers exactly that object.
#include <assert.h>
#include <string.h>

struct hdr {
  char tag[3];
  int len;
};

int main(void) {
  int a[10];
  struct hdr h;
  memset(a, 0, sizeof a);
  memset(&h, 0, sizeof h);
  assert(a[9] == 0 && h.len == 0 && h.tag[2] == 0);
  memset(a, 0xff, sizeof a[0]);
  assert(a[0] == -1 && a[1] == 0);
  return 0;
}
