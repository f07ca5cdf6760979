// expect: no
// gap: the overflow needs many iterations to reach: arc finds no invariant that rules it out and bounded model checking does not reach it
// args: --function f
// kind: overflow
// witness: f(-1)
// why: with n < 0, i counts up from 0 past every value without meeting n and i++ overflows at i == INT_MAX (undefined behaviour); i strictly increases, so no run loops forever without overflowing.
void f(int n) {
  for (int i = 0; i != n; i++) {
  }
}
