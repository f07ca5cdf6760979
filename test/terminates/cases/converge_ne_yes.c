// expect: yes
// args: --function f
// why: if x < y then x + 1 <= y (no overflow) and y - x drops by 1; otherwise x > y, so y + 1 <= x (no overflow) and x - y drops by 1; the sign of x - y never changes, so |x - y| is a ranking function.
void f(int x, int y) {
  while (x != y) {
    if (x < y)
      x++;
    else
      y++;
  }
}
