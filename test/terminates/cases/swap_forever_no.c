// expect: no
// args: --function f
// kind: termination
// witness: f(1, 0)
// why: swapping x and y does not change whether x > 0 || y > 0, so a run that enters the loop never leaves it (e.g. (1, 0) -> (0, 1) -> (1, 0)); there is no arithmetic, hence no overflow.
void f(int x, int y) {
  while (x > 0 || y > 0) {
    int t = x;
    x = y;
    y = t;
  }
}
