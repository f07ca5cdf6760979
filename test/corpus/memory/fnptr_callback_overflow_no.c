// expect: no
// args: --function main --property memory-safety
// violation: valid-deref 13
// witness: main(): the callback for a[3] = 4 increments hist[4]
// note: the callback uses each element as an index into the 4-int histogram behind ctx; the value 4 is out of range.
static void for_each(int *a, int n, void (*fn)(int *, void *), void *ctx) {
  for (int i = 0; i < n; i++)
    fn(&a[i], ctx);
}

static void count(int *x, void *ctx) {
  int *hist = ctx;
  hist[*x]++;
}

int main(void) {
  int a[4] = {0, 1, 2, 4};
  int hist[4] = {0};
  for_each(a, 4, count, hist);
  return hist[0];
}
