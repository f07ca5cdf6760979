// expect: no
// args: --function f --semantics math
// kind: termination
// witness: f(1, 1)
// why: x > 0 and y > 0 imply x + y > 0 and 2 * y > 0, so x > 0 && y > 0 is a recurrent set; the values grow geometrically, so no single state repeats (not a fixed point).
void f(int x, int y) {
  while (x > 0 && y > 0) {
    x = x + y;
    y = 2 * y;
  }
}
