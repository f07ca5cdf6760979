// expect: no
// gap: the overflow needs many iterations to reach: arc finds no invariant that rules it out and bounded model checking does not reach it
// args: --function f
// kind: overflow
// witness: f(65537)
// why: the loop control terminates (ranking n - i), but s = 0 + 1 + ... + 65536 = 2147516416 exceeds INT_MAX, so s + i overflows (undefined behaviour) when n >= 65537.
int f(int n) {
  int s = 0;
  for (int i = 0; i < n; i++)
    s = s + i;
  return s;
}
