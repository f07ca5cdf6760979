// expect: no
// args: --function main --property memory-safety
// violation: valid-call 10
// witness: main(): for_each is called with fn = NULL and n = 2
// note: the callback argument is a null pointer, and for_each calls it for the first element.
#include <stddef.h>

static void for_each(int *a, int n, void (*fn)(int *)) {
  for (int i = 0; i < n; i++)
    fn(&a[i]);
}

static void inc(int *x) { (*x)++; }

int main(void) {
  int a[2] = {1, 2};
  for_each(a, 2, inc);
  for_each(a, 2, NULL);
  return a[0];
}
