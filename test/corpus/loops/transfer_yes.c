// expect: yes
// args: --function f
// note: invariant at the loop: x + y == n && x >= 0 && y >= 0 (x decreases while y increases), so x == 0 and y == n at the exit.
extern void __VERIFIER_assert(int cond);

int f(int n) {
  if (n < 0) return 0;
  int x = n;
  int y = 0;
  while (x > 0) {
    x--;
    y++;
  }
  __VERIFIER_assert(x == 0 && y == n);
  return y;
}
