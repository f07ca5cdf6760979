// expect: yes
// args: --function f
// note: y = x++ gives y the old value; --x then restores x.
extern void __VERIFIER_assert(int cond);

int f(int x) {
  if (x == 2147483647) {
    return 0;
  }
  int old = x;
  int y = x++;
  __VERIFIER_assert(y == old && x == old + 1);
  int z = --x;
  __VERIFIER_assert(z == old && x == old);
  return y;
}
