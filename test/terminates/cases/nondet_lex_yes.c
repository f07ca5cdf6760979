// expect: yes
// args: --function f
// why: whatever __VERIFIER_nondet_int returns, each iteration either decreases x (x > 0, no overflow) and sets y arbitrarily, or keeps x and decreases y (y > 0, no overflow): lexicographic ranking (x, y), both positive inside the loop.
extern int __VERIFIER_nondet_int(void);

void f(int x, int y) {
  while (x > 0 && y > 0) {
    if (__VERIFIER_nondet_int()) {
      x = x - 1;
      y = __VERIFIER_nondet_int();
    } else {
      y = y - 1;
    }
  }
}
