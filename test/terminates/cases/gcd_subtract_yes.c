// expect: yes
// args: --function gcd
// why: after the early return x > 0 and y > 0, an invariant of the loop (the larger one minus the smaller one stays positive, and no subtraction of positives overflows); x + y is a ranking function (it drops by the smaller one, at least 1, and is at least 2).
int gcd(int x, int y) {
  if (x <= 0 || y <= 0)
    return 0;
  while (x != y) {
    if (x > y)
      x = x - y;
    else
      y = y - x;
  }
  return x;
}
