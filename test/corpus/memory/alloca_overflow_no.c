// expect: no
// args: --function f --property memory-safety
// violation: valid-deref 14
// witness: f(n = 4): b[4] is written
// note: alloca(n) provides n bytes; b[n] is one past the end.
#include <alloca.h>
extern void __VERIFIER_assume(int);

int f(int n) {
  __VERIFIER_assume(n >= 1 && n <= 10);
  char *b = alloca(n);
  for (int i = 0; i < n; i++)
    b[i] = 'x';
  b[n] = '\0';
  return b[0];
}
