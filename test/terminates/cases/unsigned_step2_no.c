// expect: no
// gap: the recurrent set of a wrapping unsigned loop is not found yet (the generalisation from sampled states fails)
// args: --function f
// kind: termination
// witness: f(1)
// why: adding 2 modulo 2^32 preserves parity, so an odd x never becomes 0: the odd values are a recurrent set (not a single state) and unsigned wraparound is defined, so there is no overflow.
void f(unsigned x) {
  while (x != 0)
    x += 2;
}
