// expect: yes
// args: --function f
// why: x > 0 before x - 3, so the result is at least -2 and cannot overflow; x is a ranking function (it drops by 3 and is positive while the guard holds).
void f(int x) {
  while (x > 0)
    x = x - 3;
}
