// expect: yes
// args: --function f
// note: clamp bounds x to [-1000, 1000] before sq, so the square is at most 10^6 and never overflows.
extern void __VERIFIER_assert(int cond);

static int clamp(int x) {
  if (x > 1000) return 1000;
  if (x < -1000) return -1000;
  return x;
}

static int sq(int x) {
  return x * x;
}

static int sq_clamped(int x) {
  return sq(clamp(x));
}

int f(int x) {
  int s = sq_clamped(x);
  __VERIFIER_assert(s >= 0 && s <= 1000000);
  return s;
}
