// expect: yes
// args: --function f
// note: while (1) with a break after 20 iterations is bounded; the input only decides the start of the sum.
extern void __VERIFIER_assert(int cond);

int f(unsigned char x) {
  int i = 0;
  int s = x;
  while (1) {
    if (i >= 20) break;
    s += 2;
    i++;
  }
  __VERIFIER_assert(s == x + 40);
  return s;
}
