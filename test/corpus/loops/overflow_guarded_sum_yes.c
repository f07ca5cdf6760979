// expect: yes
// args: --function f --property no-overflow
// note: invariant at the loop: 0 <= s <= 2000100000 && (i < n inside the body); s grows only while s <= 2000000000, so s + 100000 <= 2000100000 < INT_MAX, and i < n <= INT_MAX makes i++ safe.
int f(int n) {
  int s = 0;
  for (int i = 0; i < n; i++) {
    if (s <= 2000000000) {
      s += 100000;
    }
  }
  return s;
}
