// expect: yes
// args: --function f
// note: signed char operands promote to int: the product lies in [-16256, 16384], no overflow.
extern void __VERIFIER_assert(int cond);

int f(signed char a, signed char b) {
  int p = a * b;
  __VERIFIER_assert(p <= 16384 && p >= -16256);
  return p;
}
