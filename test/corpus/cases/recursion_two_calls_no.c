// expect: no
// args: --function f --returns-true
// property: f.returns-true.1
// witness: f(5)
// note: fib(5) = 5, so f(5) returns 0; fib calls itself twice, and only 4 nested calls are needed.
int fib(int n) {
  if (n < 2) return n;
  return fib(n - 1) + fib(n - 2);
}

int f(unsigned char k) {
  if (k > 6) return 1;
  return fib(k) != 5;
}
