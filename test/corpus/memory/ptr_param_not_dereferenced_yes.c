// expect: yes
// args: --function f --property memory-safety
// note: the only dereference is of q when q == &fallback, a live local int; p itself is never dereferenced.
int f(int *p) {
  int fallback = 42;
  int *q = p;
  if (q == 0)
    q = &fallback;
  return q == &fallback ? *q : -1;
}
