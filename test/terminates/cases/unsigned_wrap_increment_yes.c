// expect: yes
// gap: the ranking argument needs a case split on the wrap-around (or on the sign), which arc does not try yet
// args: --function f
// why: unsigned arithmetic wraps (no undefined behaviour): x + 1 climbs to UINT_MAX and wraps to 0, which ends the loop; 2^32 - x is a ranking function while x > 0.
void f(unsigned x) {
  while (x > 0)
    x = x + 1;
}
