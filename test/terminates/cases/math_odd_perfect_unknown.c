// expect: unknown
// args: --semantics math
// why: main searches the odd numbers for a perfect one (sum of proper divisors == n) and returns only if one exists; whether an odd perfect number exists is an open problem.
int main(void) {
  int n = 1;
  while (1) {
    int s = 0;
    for (int d = 1; d < n; d++)
      if (n % d == 0)
        s = s + d;
    if (s == n)
      break;
    n = n + 2;
  }
  return n;
}
