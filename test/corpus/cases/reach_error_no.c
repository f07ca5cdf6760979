// expect: no
// property: main.error-call.1
// witness: nondet 7, 6
// note: reach_error() is reachable when x * y == 42 with both in [1, 10], e.g. 7 and 6.
extern int __VERIFIER_nondet_int(void);
extern void __VERIFIER_assume(int cond);
extern void reach_error(void);
extern void abort(void);

int main(void) {
  int x = __VERIFIER_nondet_int();
  int y = __VERIFIER_nondet_int();
  __VERIFIER_assume(x >= 1 && x <= 10 && y >= 1 && y <= 10);
  if (x * y == 42) {
    reach_error();
    abort();
  }
  return 0;
}
