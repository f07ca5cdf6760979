// expect: yes
// args: --function f
// why: before each i++ we have i < n <= INT_MAX, so i + 1 cannot overflow; n - i is a ranking function (it drops by 1 and is positive while i < n).
void f(int n) {
  for (int i = 0; i < n; i++) {
  }
}
