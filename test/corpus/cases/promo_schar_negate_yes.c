// expect: yes
// args: --function f
// note: -a is computed in int (-(-128) = 128 is fine); the conversion back to signed char is implementation-defined, not UB.
signed char f(signed char a) {
  signed char r = -a;
  return r;
}
