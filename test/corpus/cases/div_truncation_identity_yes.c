// expect: yes
// args: --function f
// note: (a / b) * b + a % b == a whenever b != 0; the operands are promoted to int, so -128 / -1 = 128 is fine.
extern void __VERIFIER_assert(int cond);

int f(signed char a, signed char b) {
  if (b == 0) {
    return 0;
  }
  __VERIFIER_assert((a / b) * b + a % b == a);
  return 1;
}
