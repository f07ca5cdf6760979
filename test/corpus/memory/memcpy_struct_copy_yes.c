// expect: yes
// args: --function main --property memory-safety --property assertions
// note: memcpy of sizeof src bytes between two objects of the same struct type stays in both; the copy equals the source.
#include <assert.h>
#include <string.h>

struct pkt {
  short kind;
  long seq;
  char body[6];
};

int main(void) {
  struct pkt src = {2, 77, "ping"};
  struct pkt dst;
  memcpy(&dst, &src, sizeof src);
  assert(dst.kind == 2 && dst.seq == 77 && strcmp(dst.body, "ping") == 0);
  return 0;
}
