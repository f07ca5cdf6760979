// expect: no
// args: --function last --property memory-safety
// violation: valid-deref 9
// witness: last(a = object of 1 int)
// note: the parameter int a[4] is adjusted to int *a (C11 6.7.6.3p7); the caller's object may be shorter than 4 ints.
int last(int a[4]) {
  if (a == 0)
    return 0;
  return a[3];
}
