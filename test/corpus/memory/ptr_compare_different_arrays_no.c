// expect: no
// args: --function main --property memory-safety
// violation: valid-pointer-compare 10
// witness: main(): &a[1] < &b[2]
// note: relational comparison of pointers into two different arrays is undefined (C11 6.5.8p5).
int a[4], b[4];

int main(void) {
  int *p = &a[1], *q = &b[2];
  if (p < q)
    return 1;
  return 0;
}
