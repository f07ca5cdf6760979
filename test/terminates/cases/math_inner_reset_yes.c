// expect: yes
// args: --function f --semantics math
// why: the inner loop has ranking y (it counts down to 0 from x, which the outer loop resets it to); the outer loop has ranking x, which drops by 1 per outer iteration and is untouched by the inner loop.
void f(int x) {
  while (x > 0) {
    int y = x;
    while (y > 0)
      y = y - 1;
    x = x - 1;
  }
}
