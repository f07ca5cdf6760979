// expect: yes
// args: --function f
// note: the loop runs up to 255 times, beyond the default 64 unwindings; the assertion is true, and the invariant at the loop proves it.
extern void __VERIFIER_assert(int cond);

int f(unsigned char n) {
  int s = 0;
  for (int i = 0; i < n; i++) {
    s += 1;
  }
  __VERIFIER_assert(s == n);
  return s;
}
