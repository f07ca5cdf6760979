// expect: yes
// args: --function f
// why: the loop leaves through break as soon as i >= n; otherwise i < n <= INT_MAX, so i + 1 cannot overflow, and n - i is a ranking function.
void f(int n) {
  int i = 0;
  while (1) {
    if (i >= n)
      break;
    i = i + 1;
  }
}
