// expect: no
// args: --function f
// property: f.assertion.1
// witness: f(255)
// note: ++ on an unsigned char computes 255 + 1 = 256 in int (no UB) and stores 0.
extern void __VERIFIER_assert(int cond);

int f(unsigned char x) {
  x++;
  __VERIFIER_assert(x != 0);
  return x;
}
