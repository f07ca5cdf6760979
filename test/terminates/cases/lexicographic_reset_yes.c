// expect: yes
// args: --function f
// why: lexicographic ranking (x, y): the else branch decreases x (x > 0, so x - 1 cannot overflow) and may reset y to any n; the then branch keeps x and decreases y (y > 0, so y - 1 cannot overflow); both stay positive while they are decreased.
void f(int x, int y, int n) {
  while (x > 0) {
    if (y > 0) {
      y = y - 1;
    } else {
      x = x - 1;
      y = n;
    }
  }
}
