// expect: unknown
// reason: undefined-behaviour
// args: --function main --property assertions
// note: the assertion holds in arc's byte memory (the write and the read hit the same bytes), but the pointer is uninitialised: C leaves the program undefined, so arc does not answer yes
#include <assert.h>

struct S {
  int a;
};

static void foo(struct S *x) {
  x->a = 42;
  assert(x->a == 42);
}

int main(void) {
  void *p;
  foo(p);
  return 0;
}
