// expect: yes
// args: --function main --property memory-safety --property assertions --data-model ILP32
// note: i386 aligns long long to 4 in structs, so a 60-bit long long bit-field after a char may not span more than two 4-byte units: it starts at byte 4 and the struct is 12 bytes (on x86-64 it starts at byte 8 and the struct is 16).
#include <assert.h>
#include <string.h>

struct wide {
  char tag;
  long long v : 60;
};

int main(void) {
  struct wide w;
  unsigned char b[12];
  memset(&w, 0, sizeof w);
  w.tag = 1;
  w.v = -2;
  memcpy(b, &w, sizeof w);
  assert(sizeof(struct wide) == 12);
  assert(b[4] == 0xfe && b[5] == 0xff && b[11] == 0x0f);
  assert(w.v == -2);
  return 0;
}
