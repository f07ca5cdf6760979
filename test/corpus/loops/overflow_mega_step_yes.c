// expect: yes
// args: --function f --property no-overflow
// note: invariant at the loop: s == 1000000*i && 0 <= i <= n <= 2147 (when the loop runs); s <= 2147000000 <= INT_MAX.
int f(int n) {
  if (n > 2147) return 0;
  int s = 0;
  for (int i = 0; i < n; i++) {
    s += 1000000;
  }
  return s;
}
