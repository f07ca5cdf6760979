// expect: no
// args: --function f --property assertions
// property: f.assertion.1
// witness: f(6)
// note: the goto leaves both loops at the first i * j == k; for k = 6 that is i = 2, j = 3 (i + j = 5), not i = 3, j = 2.
extern void __VERIFIER_assert(int cond);

int f(int k) {
  int i;
  int j;
  for (i = 1; i < 5; i++) {
    for (j = 1; j < 5; j++) {
      if (i * j == k) goto found;
    }
  }
  return 0;
found:
  __VERIFIER_assert(i + j != 5);
  return 1;
}
