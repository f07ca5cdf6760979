// expect: yes
// args: --function f
// why: outer ranking n - i (i < n before i + 1, no overflow); the inner loop starts at j = n and counts down while j > i >= 0, so j - 1 >= i cannot overflow and j - i is its ranking function.
void f(int n) {
  for (int i = 0; i < n; i++)
    for (int j = n; j > i; j--) {
    }
}
