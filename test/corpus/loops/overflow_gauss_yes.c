// expect: yes
// args: --function f --property no-overflow
// note: invariant at the loop: 2*s == i*(i-1) && 0 <= i <= n <= 65536 (non-linear); the largest sum is 65536*65535/2 == 2147450880 <= INT_MAX, a tight bound (n == 65537 overflows).
int f(int n) {
  if (n > 65536) return 0;
  int s = 0;
  for (int i = 0; i < n; i++) {
    s += i;
  }
  return s;
}
