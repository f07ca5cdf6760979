// expect: no
// args: --function main --property memory-safety --property assertions
// violation: assertion 17
// witness: main(): sizeof(struct mixed) is 8, not 5
// note: int is 4-byte aligned on x86-64, so 3 padding bytes follow c and the struct has size 8.
#include <assert.h>

struct mixed {
  char c;
  int i;
};

int main(void) {
  struct mixed m = {'x', 1};
  unsigned char *b = (unsigned char *)&m;
  assert(b[0] == 'x');
  assert(sizeof m == 5);
  return 0;
}
