// expect: unknown
// args: --function f
// reason: recursion
// note: fact calls itself; arc inlines calls and answers don't know for recursion.
int fact(int n) {
  if (n <= 1) return 1;
  return n * fact(n - 1);
}

int f(int n) {
  if (n < 0 || n > 10) return 0;
  return fact(n);
}
