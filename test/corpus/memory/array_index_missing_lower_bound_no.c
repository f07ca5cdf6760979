// expect: no
// args: --function f --property memory-safety
// violation: valid-deref 9
// witness: f(i = -1)
// note: the guard only checks i < 6; a negative i indexes before the start of a[6].
int f(int i) {
  int a[6] = {0};
  if (i < 6)
    return a[i];
  return -1;
}
