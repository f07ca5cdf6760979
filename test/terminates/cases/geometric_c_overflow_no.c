// expect: no
// args: --function f
// kind: overflow
// witness: f(1, 1)
// why: from (1, 1) the state after k iterations is (2^k, 2^k), and at k == 30 x + y = 2^31 overflows int; y doubles every iteration while x, y > 0, so every run entering the loop overflows, and none loops forever without overflowing.
void f(int x, int y) {
  while (x > 0 && y > 0) {
    x = x + y;
    y = 2 * y;
  }
}
