// expect: no
// args: --function f --semantics math
// kind: termination
// witness: f(1, 0)
// why: without a precondition y may be 0, and then x = x - 0 with x > 0 is a fixed point (for y < 0, x grows forever too).
void f(int x, int y) {
  while (x > y)
    x = x - y;
}
