// expect: yes
// args: --function f
// why: the first loop has ranking x and leaves x <= 0, so x + 10 <= 10 cannot overflow in the second loop (the invariant comes from the code before it); there y < x + 10 <= 10 before y + 1 (no overflow) and x + 10 - y is a ranking function.
void f(int x, int y) {
  while (x > 0)
    x = x - 1;
  while (y < x + 10)
    y = y + 1;
}
