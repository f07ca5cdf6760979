// expect: unknown
// args: --function f --semantics math
// why: with mathematical integers this is exactly the Collatz conjecture (every n > 1 reaches 1), an open problem, so neither yes nor no can be justified.
void f(int n) {
  while (n > 1) {
    if (n % 2 == 0)
      n = n / 2;
    else
      n = 3 * n + 1;
  }
}
