// expect: yes
// args: --function main --property memory-safety --property assertions
// note: for_each calls fn on a[0..n-1] with n equal to the array length; the callbacks touch only *x and the int behind ctx.
#include <assert.h>
#include <stddef.h>

static void for_each(int *a, int n, void (*fn)(int *, void *), void *ctx) {
  for (int i = 0; i < n; i++)
    fn(&a[i], ctx);
}

static void twice(int *x, void *ctx) {
  (void)ctx;
  *x *= 2;
}

static void add_to(int *x, void *ctx) {
  *(int *)ctx += *x;
}

int main(void) {
  int a[4] = {1, 2, 3, 4};
  int sum = 0;
  for_each(a, 4, twice, NULL);
  for_each(a, 4, add_to, &sum);
  assert(sum == 20);
  return 0;
}
