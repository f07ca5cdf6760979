// expect: no
// args: --function f --property memory-safety
// violation: valid-deref 16
// witness: f(i = 4)
// note: the union is 4 bytes (sizeof(int) = sizeof(char[4])); index 4 of b is outside it.
extern void __VERIFIER_assume(int);

union tag {
  int i;
  char b[4];
};

int f(int i) {
  union tag t = {0};
  __VERIFIER_assume(i >= 0 && i <= 4);
  t.b[i] = 1;
  return t.i;
}
