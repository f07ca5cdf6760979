// expect: no
// gap: the recurrent set of a wrapping unsigned loop is not found yet (the generalisation from sampled states fails)
// args: --function f
// kind: termination
// witness: f(1)
// why: c + 2 is converted back to unsigned char modulo 256, which preserves parity, so an odd c cycles through the odd values 1, 3, ..., 255, 1, ... and never reaches 0 (a recurrent set of 128 states, no undefined behaviour).
void f(unsigned char c) {
  while (c != 0)
    c = c + 2;
}
