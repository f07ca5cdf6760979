// expect: no
// gap: the recurrent set of a wrapping unsigned loop is not found yet (the generalisation from sampled states fails)
// kind: termination
// witness: main()
// why: an unsigned i is always >= 0, and i-- wraps from 0 to UINT_MAX (defined behaviour), so the guard never fails: every state is in the recurrent set.
int main(void) {
  for (unsigned i = 10; i >= 0; i--) {
  }
  return 0;
}
