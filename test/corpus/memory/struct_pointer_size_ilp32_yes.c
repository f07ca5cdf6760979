// expect: yes
// args: --function main --property memory-safety --property assertions --data-model ILP32
// note: in ILP32 struct pair is an int and a 4-byte pointer, 8 bytes, so it fits buf[8]; little-endian puts id's low byte first.
#include <assert.h>
#include <string.h>

struct pair {
  int id;
  void *ptr;
};

int main(void) {
  struct pair s = {1, 0};
  unsigned char buf[8];
  memcpy(buf, &s, sizeof s);
  assert(buf[0] == 1);
  return 0;
}
