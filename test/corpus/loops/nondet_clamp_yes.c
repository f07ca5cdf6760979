// expect: yes
// note: invariant at the loop: 0 <= x && x <= 1000; the loop runs a nondeterministic number of times and each step moves x up or down only inside the bounds.
extern int __VERIFIER_nondet_int(void);
extern void __VERIFIER_assert(int cond);

int main(void) {
  int x = 0;
  while (__VERIFIER_nondet_int()) {
    if (__VERIFIER_nondet_int()) {
      if (x < 1000) x++;
    } else {
      if (x > 0) x--;
    }
  }
  __VERIFIER_assert(0 <= x && x <= 1000);
  return 0;
}
