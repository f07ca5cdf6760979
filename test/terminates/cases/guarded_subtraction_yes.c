// expect: yes
// args: --function g
// why: the enclosing if gives y > 0 (y never changes), so x > y > 0 makes x - y lie in 1..INT_MAX-1 (no overflow); x is a ranking function (it drops by y >= 1 and is positive while x > y).
void g(int x, int y) {
  if (y > 0)
    while (x > y)
      x = x - y;
}
