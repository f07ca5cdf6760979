// expect: no
// args: --function main --property assertions
// violation: assertion 19
// sanitizer: undefined
// witness: p.s is NULL: the write through it is not checked (valid-deref is not asked about), and x keeps its value
// note: with memory checks left out, arc runs past the NULL write as CBMC does; the assertion then fails; the compiled program would crash first, so only the interpreter replays
#include <assert.h>
struct S {
  int *s;
};

extern int __VERIFIER_nondet_int(void);

int main(void) {
  int x = __VERIFIER_nondet_int();
  struct S p = {0};
  if (__VERIFIER_nondet_int()) p.s = &x;
  *(p.s) = 42;
  assert(x == 42);
  return 0;
}
