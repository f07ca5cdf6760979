// expect: yes
// note: x * y for x, y in [1, 10] is never 43 (prime > 10), so reach_error() is unreachable.
extern int __VERIFIER_nondet_int(void);
extern void __VERIFIER_assume(int cond);
extern void reach_error(void);
extern void abort(void);

int main(void) {
  int x = __VERIFIER_nondet_int();
  int y = __VERIFIER_nondet_int();
  __VERIFIER_assume(x >= 1 && x <= 10 && y >= 1 && y <= 10);
  if (x * y == 43) {
    reach_error();
    abort();
  }
  return 0;
}
