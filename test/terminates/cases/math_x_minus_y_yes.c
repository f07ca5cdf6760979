// expect: yes
// args: --function f --semantics math
// why: both variables grow, but x gains 2 and y gains 1, so y - x drops by 1 each iteration and is positive inside the loop: y - x is a ranking function (neither x nor y is one on its own).
void f(int x, int y) {
  while (x < y) {
    x = x + 2;
    y = y + 1;
  }
}
