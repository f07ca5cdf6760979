// expect: yes
// args: --function f --semantics math
// why: whatever __VERIFIER_nondet_int returns, d >= 1 after the if, so x drops by at least 1 every iteration; x is a ranking function.
extern int __VERIFIER_nondet_int(void);

void f(int x) {
  while (x > 0) {
    int d = __VERIFIER_nondet_int();
    if (d < 1)
      d = 1;
    x = x - d;
  }
}
