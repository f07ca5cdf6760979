// expect: yes
// args: --function f
// note: after truncation to unsigned char, ~a is 255 - a for every a in [0, 255].
extern void __VERIFIER_assert(int cond);

int f(unsigned char a) {
  unsigned char c = (unsigned char)~a;
  __VERIFIER_assert(c == 255 - a);
  return c;
}
