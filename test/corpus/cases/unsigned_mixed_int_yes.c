// expect: yes
// args: --function f
// note: in a + b with unsigned b, a converts to unsigned: the addition wraps and is defined.
extern void __VERIFIER_assert(int cond);

unsigned f(int a, unsigned b) {
  unsigned s = a + b;
  __VERIFIER_assert(s - (unsigned)a == b);
  return s;
}
