// expect: yes
// args: --function f
// note: passing an int to an unsigned char parameter converts it modulo 256, and returning an int through an unsigned char return type does too.
extern void __VERIFIER_assert(int cond);

static int widen(unsigned char c) {
  return c;
}

static unsigned char narrow(int x) {
  return x;
}

int f(int x) {
  __VERIFIER_assert(widen(300) == 44);
  __VERIFIER_assert(narrow(x) == (x & 255));
  __VERIFIER_assert(widen(x) == narrow(x));
  return 0;
}
