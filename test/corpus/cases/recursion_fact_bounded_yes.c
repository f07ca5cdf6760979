// expect: yes
// args: --function f
// note: fact recurses at most 10 deep here and 10! = 3628800 fits in int; inlining 16 deep covers every run.
int fact(int n) {
  if (n <= 1) return 1;
  return n * fact(n - 1);
}

int f(int n) {
  if (n < 0 || n > 10) return 0;
  return fact(n);
}
