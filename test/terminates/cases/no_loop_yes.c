// expect: yes
// args: --function sign
// why: no loop, no call and no arithmetic that could overflow: every path reaches a return.
int sign(int x) {
  if (x > 0)
    return 1;
  if (x < 0)
    return -1;
  return 0;
}
