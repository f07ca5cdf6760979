// expect: yes
// args: --function main --property memory-safety --property assertions
// note: == and != may compare pointers to different objects (C11 6.5.9p6); distinct live objects compare unequal.
#include <assert.h>

int g;

int main(void) {
  int x = 0, y = 0;
  int *p = &x, *q = &y;
  assert(p != q);
  assert(p != &g && q != 0);
  int *r = p;
  assert(r == &x);
  return 0;
}
