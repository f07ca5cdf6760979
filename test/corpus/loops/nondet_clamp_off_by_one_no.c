// expect: no
// property: main.error-call.1
// witness: nondet 1, 1 repeated 1001 times, then 0 (1001 increments, x == 1001)
// note: the clamp tests x <= 1000 before incrementing, so x can reach 1001; that needs at least 1001 loop iterations.
extern int __VERIFIER_nondet_int(void);
extern void reach_error(void);
extern void abort(void);

int main(void) {
  int x = 0;
  while (__VERIFIER_nondet_int()) {
    if (__VERIFIER_nondet_int()) {
      if (x <= 1000) x++;
    } else {
      if (x > 0) x--;
    }
  }
  if (x > 1000) {
    reach_error();
    abort();
  }
  return 0;
}
