// expect: yes
// args: --function f
// why: x > y implies x > INT_MIN and y < INT_MAX, so neither x - 1 nor y + 1 overflows; x - y is a ranking function (it drops by 2 and is positive while x > y).
void f(int x, int y) {
  while (x > y) {
    x = x - 1;
    y = y + 1;
  }
}
