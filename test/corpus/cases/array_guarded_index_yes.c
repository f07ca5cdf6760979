// expect: yes
// args: --function f
// note: the index is checked against the array's length before the read, so every access is in bounds.
int f(int i) {
  int a[4] = {1, 2, 3, 4};
  if (i >= 0 && i < 4) {
    return a[i];
  }
  return 0;
}
