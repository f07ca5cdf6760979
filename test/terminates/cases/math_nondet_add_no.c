// expect: no
// args: --function f --semantics math
// kind: termination
// witness: f(1) with __VERIFIER_nondet_int() returning 0 (or any value >= 0) every time
// why: if every nondeterministic value is 0, x > 0 never changes (a fixed point under that choice), so some run never returns.
extern int __VERIFIER_nondet_int(void);

void f(int x) {
  while (x > 0) {
    x = x + __VERIFIER_nondet_int();
  }
}
