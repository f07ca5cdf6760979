// expect: yes
// args: --function f
// note: continue in a do-while jumps to the condition: i runs 1..5 and n counts i = 3, 4, 5.
extern void __VERIFIER_assert(int cond);

int f(void) {
  int i = 0;
  int n = 0;
  do {
    i++;
    if (i < 3) continue;
    n++;
  } while (i < 5);
  __VERIFIER_assert(n == 3 && i == 5);
  return n;
}
