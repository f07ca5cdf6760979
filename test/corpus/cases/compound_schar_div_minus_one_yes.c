// expect: yes
// args: --function f
// note: c /= -1 is computed in int (-(-128) = 128 fits), and the conversion back to signed char is implementation-defined, not UB.
signed char f(signed char c) {
  c /= -1;
  return c;
}
