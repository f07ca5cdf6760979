// expect: yes
// why: i runs 0, 7, ..., 1001 and stops; i < 1000 before i + 7, so no overflow; 1000 - i is a ranking function (it drops by 7 and is positive while i < 1000).
int main(void) {
  int i = 0;
  while (i < 1000)
    i = i + 7;
  return i;
}
