// expect: yes
// args: --function f
// note: octal 010 is 8, 0xFFFFFFFF is unsigned int (== -1 after conversion), 'a' is 97, sizeof(int) is 4, -1 >> 31 is -1 in gcc.
extern void __VERIFIER_assert(int cond);

int f(int x) {
  __VERIFIER_assert(010 == 8);
  __VERIFIER_assert(0xFFFFFFFF == -1);
  __VERIFIER_assert('a' == 97);
  __VERIFIER_assert(sizeof(int) == 4);
  __VERIFIER_assert((-1 >> 31) == -1);
  __VERIFIER_assert((unsigned char)(-1) == 255);
  __VERIFIER_assert(0xFFFFFFFFFF > 0);
  return x;
}
