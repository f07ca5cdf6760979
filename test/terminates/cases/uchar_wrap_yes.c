// expect: yes
// gap: the ranking argument needs a case split on the wrap-around (or on the sign), which arc does not try yet
// args: --function f
// why: c + 1 is computed in int and converted back to unsigned char modulo 256, so c climbs to 255 and wraps to 0, which ends the loop; 256 - c is a ranking function while c != 0 (terminates only because of the wraparound).
void f(unsigned char c) {
  while (c != 0)
    c = c + 1;
}
