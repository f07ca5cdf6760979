// expect: yes
// args: --function f
// note: under LP64, (long)a * b has magnitude at most 2^62.
long f(int a, int b) {
  return (long)a * b;
}
