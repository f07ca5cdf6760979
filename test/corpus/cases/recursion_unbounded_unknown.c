// expect: unknown
// args: --function f --returns-true
// reason: recursion
// note: down(n) returns 0 for every n, but it recurses n deep for an arbitrary 32-bit n, beyond any inlining depth.
unsigned down(unsigned n) {
  if (n == 0) return 0;
  return down(n - 1);
}

int f(unsigned n) {
  return down(n) == 0;
}
