// expect: no
// args: --function f --property no-overflow
// property: f.overflow.2
// witness: f(2148)
// note: s == 1000000*i; in the 2148th iteration s += 1000000 takes 2147000000 past INT_MAX (the guard of overflow_mega_step_yes.c is one too large).
int f(int n) {
  if (n > 2148) return 0;
  int s = 0;
  for (int i = 0; i < n; i++) {
    s += 1000000;
  }
  return s;
}
