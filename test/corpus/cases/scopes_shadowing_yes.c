// expect: yes
// args: --function f
// note: inner blocks, for-loop declarations and an inlined callee all declare their own y or x without touching the outer ones.
extern void __VERIFIER_assert(int cond);

static int bump(int x) {
  int y = x + 1;
  {
    int x = 5;
    y += x;
  }
  return y;
}

int f(int x) {
  if (x > 1000 || x < 0) return 0;
  int y = 1;
  {
    int y = 2;
    y++;
  }
  __VERIFIER_assert(y == 1);
  int r = bump(x);
  __VERIFIER_assert(r == x + 6 && y == 1);
  for (int y = 0; y < 3; y++) {
  }
  __VERIFIER_assert(y == 1);
  return r;
}
