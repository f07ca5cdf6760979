// expect: yes
// args: --function f --property memory-safety
// note: the literal "abc" is a char[4] including its NUL, so s[0..3] can all be read.
extern void __VERIFIER_assume(int);

int f(int i) {
  const char *s = "abc";
  __VERIFIER_assume(i >= 0 && i <= 3);
  return s[i];
}
