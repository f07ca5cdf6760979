// expect: yes
// args: --function f
// note: two nested constant-bound loops (3 x 4) run the body 12 times.
extern void __VERIFIER_assert(int cond);

int f(unsigned char x) {
  int n = 0;
  for (int i = 0; i < 3; i++) {
    for (int j = 0; j < 4; j++) {
      n += 1;
    }
  }
  __VERIFIER_assert(n == 12);
  return n + x;
}
