// expect: yes
// note: invariant at the loop: x + y == total && x >= 0 && y >= 0 && total <= 2000000; each step moves one unit between x and y in either direction, a nondeterministic number of times.
extern int __VERIFIER_nondet_int(void);
extern void __VERIFIER_assume(int cond);
extern void __VERIFIER_assert(int cond);

int main(void) {
  int x = __VERIFIER_nondet_int();
  int y = __VERIFIER_nondet_int();
  __VERIFIER_assume(x >= 0 && x <= 1000000 && y >= 0 && y <= 1000000);
  int total = x + y;
  while (__VERIFIER_nondet_int()) {
    if (__VERIFIER_nondet_int()) {
      if (x > 0) {
        x--;
        y++;
      }
    } else {
      if (y > 0) {
        y--;
        x++;
      }
    }
  }
  __VERIFIER_assert(x + y == total && x >= 0 && y >= 0);
  return 0;
}
