// expect: yes
// args: --function main --property memory-safety --property assertions
// note: sizeof(T) of a typedef name is the type's size; sizeof of a variable-length array is computed when it runs
#include <assert.h>

typedef struct {
  int x;
  char c;
} T;

extern int __VERIFIER_nondet_int(void);

int main(void) {
  int n = __VERIFIER_nondet_int();
  if (n < 1 || n > 6) return 0;
  int v[n];
  assert(sizeof(T) == 8);
  assert(sizeof(v) == n * sizeof(int));
  return 0;
}
