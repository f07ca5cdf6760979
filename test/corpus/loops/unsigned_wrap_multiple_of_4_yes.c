// expect: yes
// note: invariant at the loop: x % 4 == 0; adding 4 or subtracting 12 keeps x a multiple of 4 across unsigned wraparound, because 2^32 is a multiple of 4.
extern int __VERIFIER_nondet_int(void);
extern void __VERIFIER_assert(int cond);

int main(void) {
  unsigned x = 0;
  while (__VERIFIER_nondet_int()) {
    if (__VERIFIER_nondet_int()) {
      x += 4;
    } else {
      x -= 12;
    }
  }
  __VERIFIER_assert(x % 4 == 0);
  return 0;
}
