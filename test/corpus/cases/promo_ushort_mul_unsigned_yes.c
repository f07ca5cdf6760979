// expect: yes
// args: --function f
// note: casting one operand to unsigned makes the multiplication unsigned: it cannot overflow (max 4294836225 < 2^32).
extern void __VERIFIER_assert(int cond);

unsigned f(unsigned short a, unsigned short b) {
  unsigned p = (unsigned)a * b;
  __VERIFIER_assert(p <= 4294836225u);
  return p;
}
