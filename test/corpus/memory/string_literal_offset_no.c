// expect: no
// args: --function suffix_len --property memory-safety
// violation: valid-pointer-arith 10
// witness: suffix_len(k = 5)
// note: "abc" is a char[4]; "abc" + 5 points more than one past its end (k = 4 would still be allowed).
extern void __VERIFIER_assume(int);

int suffix_len(int k) {
  __VERIFIER_assume(k >= 0 && k <= 5);
  const char *p = "abc" + k;
  int n = 0;
  if (k <= 3)
    while (p[n] != '\0')
      n++;
  return n;
}
