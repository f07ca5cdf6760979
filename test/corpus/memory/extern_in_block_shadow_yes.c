// expect: yes
// args: --function main --property memory-safety --property assertions
// note: a block-scope extern declaration names the global even where a local of the same name is in scope
#include <assert.h>

int x = 5;

static int f(void) {
  int x = 3;
  {
    extern int x;
    return x;
  }
}

int main(void) {
  extern int x;
  assert(f() == 5 && x == 5);
  return 0;
}
