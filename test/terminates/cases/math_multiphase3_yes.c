// expect: yes
// args: --function f --semantics math
// why: three phases: z drops by 1 every iteration and eventually stays negative, then y (which gains z) eventually decreases and stays negative, then x (which gains y) decreases; multiphase ranking (z, y, x).
void f(int x, int y, int z) {
  while (x >= 0) {
    x = x + y;
    y = y + z;
    z = z - 1;
  }
}
