// expect: yes
// args: --function f
// note: invariant at the loop: i % 2 == n % 2 && i <= n; the guard i >= 2 keeps the unsigned subtraction from wrapping, so i == n % 2 at the exit.
extern void __VERIFIER_assert(int cond);

int f(unsigned n) {
  unsigned i = n;
  while (i >= 2) {
    i -= 2;
  }
  __VERIFIER_assert(i == n % 2);
  return (int)i;
}
