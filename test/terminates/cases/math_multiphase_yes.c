// expect: yes
// args: --function f --semantics math
// why: two phases: y drops by 1 every iteration, so after at most max(y + 1, 0) iterations y < 0, and from then on x drops by at least 1; multiphase (nested) ranking (y + 1, x).
void f(int x, int y) {
  while (x >= 0) {
    x = x + y;
    y = y - 1;
  }
}
