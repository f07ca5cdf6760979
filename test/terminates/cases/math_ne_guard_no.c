// expect: no
// args: --function f --semantics math
// kind: termination
// witness: f(-1)
// why: with n < 0, i starts at 0 > n and only grows, so i != n forever: i > n is a recurrent set (with mathematical integers there is no overflow to stop it, unlike ne_n_overflow_no.c).
void f(int n) {
  for (int i = 0; i != n; i++) {
  }
}
