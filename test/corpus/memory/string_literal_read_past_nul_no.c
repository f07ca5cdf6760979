// expect: no
// args: --function f --property memory-safety
// violation: valid-deref 11
// witness: f(i = 4)
// note: "abc" occupies 4 bytes (with its NUL); s[4] is past the end of the literal's array.
extern void __VERIFIER_assume(int);

int f(int i) {
  const char *s = "abc";
  __VERIFIER_assume(i >= 0 && i <= 4);
  return s[i];
}
