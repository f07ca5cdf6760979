// expect: no
// args: --function f
// kind: termination
// witness: f(1, 0)
// why: with y == 0 and x > 0 the body x = x - 0 leaves the state unchanged (a fixed point); since x > y >= 0, x - y never overflows, so the only way not to return is the infinite loop.
void f(int x, int y) {
  if (y >= 0)
    while (x > y)
      x = x - y;
}
