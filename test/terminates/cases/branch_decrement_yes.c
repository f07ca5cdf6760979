// expect: yes
// args: --function f
// why: with x > 0 and y > 0, x - y >= 1 - INT_MAX cannot overflow, and x - 1 cannot either; x is a ranking function (each branch lowers it by at least 1 and it is positive inside the loop).
void f(int x, int y) {
  while (x > 0) {
    if (y > 0)
      x = x - y;
    else
      x = x - 1;
  }
}
