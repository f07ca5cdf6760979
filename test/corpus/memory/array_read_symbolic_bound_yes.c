// expect: yes
// args: --function f --property memory-safety
// note: with 0 <= n <= 4 the loop i < n reads a[0..n-1] only, all inside int a[4].
extern void __VERIFIER_assume(int);

int f(int n) {
  int a[4] = {1, 2, 3, 4};
  int s = 0;
  __VERIFIER_assume(n >= 0 && n <= 4);
  for (int i = 0; i < n; i++)
    s += a[i];
  return s;
}
