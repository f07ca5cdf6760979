// expect: no
// args: --function f --semantics math
// kind: termination
// witness: f(1)
// why: under mathematical-integer semantics unsigned char does not wrap, so from c == 1 the value grows forever and never equals 0 (c > 0 is a recurrent set); compare uchar_wrap_yes.c in C semantics.
void f(unsigned char c) {
  while (c != 0)
    c = c + 1;
}
