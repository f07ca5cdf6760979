// expect: unknown
// args: --semantics math
// why: main returns only when it finds an even n >= 4 that is not the sum of two primes, i.e. iff Goldbach's conjecture is false, an open problem.
static int is_prime(int p) {
  if (p < 2)
    return 0;
  for (int d = 2; d < p; d++)
    if (p % d == 0)
      return 0;
  return 1;
}

int main(void) {
  int n = 4;
  while (1) {
    int found = 0;
    for (int p = 2; p <= n / 2; p++)
      if (is_prime(p) && is_prime(n - p))
        found = 1;
    if (!found)
      break;
    n = n + 2;
  }
  return n;
}
