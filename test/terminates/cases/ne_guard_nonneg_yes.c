// expect: yes
// args: --function f
// why: with n >= 0 the invariant 0 <= i <= n holds at the loop head, so i != n means i < n <= INT_MAX and i + 1 cannot overflow; n - i is a ranking function.
void f(int n) {
  if (n >= 0)
    for (int i = 0; i != n; i++) {
    }
}
