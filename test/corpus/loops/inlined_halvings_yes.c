// expect: yes
// args: --function f
// note: invariant at the loop in halvings (inlined twice): k + 2*s == k0 && k >= 0 (k0 the argument), so it returns k0 / 2; n/2 + (n+1)/2 == n.
extern void __VERIFIER_assert(int cond);

static int halvings(int k) {
  int s = 0;
  while (k > 1) {
    k -= 2;
    s++;
  }
  return s;
}

int f(int n) {
  if (n < 0 || n > 1000000) return 0;
  int a = halvings(n);
  int b = halvings(n + 1);
  __VERIFIER_assert(a == n / 2 && a + b == n);
  return a;
}
