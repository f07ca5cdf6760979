// expect: yes
// args: --function f
// note: the product of two ints has magnitude at most 2^62, which fits in long long.
long long f(int a, int b) {
  return (long long)a * b;
}
