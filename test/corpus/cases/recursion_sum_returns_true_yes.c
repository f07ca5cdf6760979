// expect: yes
// args: --function f --returns-true
// note: sum(k) = k(k+1)/2 for k <= 6; the recursion is at most 7 calls deep.
int sum(int n) {
  if (n <= 0) return 0;
  return n + sum(n - 1);
}

int f(unsigned char k) {
  if (k > 6) return 1;
  return sum(k) == k * (k + 1) / 2;
}
