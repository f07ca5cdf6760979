// expect: yes
// args: --function f
// why: step (inlined) returns v - d with d >= 1 and v > 0, which lies in 1-INT_MAX..v-1 (no overflow); so x is a ranking function of the loop (it drops by at least 1 and is positive while the guard holds).
static int step(int v, int d) {
  if (d < 1)
    d = 1;
  return v - d;
}

void f(int x, int d) {
  while (x > 0)
    x = step(x, d);
}
