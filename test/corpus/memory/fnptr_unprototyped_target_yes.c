// expect: yes
// args: --function main --property memory-safety --property assertions
// note: foo is defined without a prototype, so a call through a pointer with one argument reaches it; the argument is not read.
#include <assert.h>
void *foo() { return 0; }
void *call(void *(*start)(void *), void *arg) { return start(arg); }
int main(void) {
  void *r = call(&foo, 0);
  assert(r == 0);
  return 0;
}
