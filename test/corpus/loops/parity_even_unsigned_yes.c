// expect: yes
// args: --function f
// note: invariant at the loop: x % 2 == 0; adding 2 keeps x even even when it wraps, because 2^32 is even.
extern void __VERIFIER_assert(int cond);

int f(unsigned n) {
  unsigned x = 0;
  for (unsigned i = 0; i < n; i++) {
    x += 2;
  }
  __VERIFIER_assert(x % 2 == 0);
  return (int)(x / 2 % 1000);
}
