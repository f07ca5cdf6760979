// expect: yes
// args: --function main --property memory-safety --property assertions
// note: struct assignment copies the whole struct, array member included; changing the copy leaves a unchanged.
#include <assert.h>

struct buf {
  int len;
  char data[4];
};

int main(void) {
  struct buf a = {2, "hi"};
  struct buf b = a;
  b.data[0] = 'H';
  b.len = 3;
  assert(a.data[0] == 'h' && a.len == 2);
  assert(b.data[1] == 'i' && b.data[2] == '\0');
  return 0;
}
