// expect: no
// args: --function f
// kind: termination
// witness: f(1) with __VERIFIER_nondet_int() returning 0 every time
// why: if the nondeterministic choice is always 0, x > 0 is never changed (a fixed point under that choice); x - 1 with x > 0 cannot overflow, so the no is non-termination.
extern int __VERIFIER_nondet_int(void);

void f(int x) {
  while (x > 0) {
    if (__VERIFIER_nondet_int())
      x = x - 1;
  }
}
