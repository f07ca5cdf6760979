// expect: yes
// args: --function f
// note: case 1 falls into case 2 (r = 3), case 3 falls into default (r = 15), other values only run default (r = 5).
extern void __VERIFIER_assert(int cond);

int f(int x) {
  int r = 0;
  switch (x) {
    case 1:
      r += 1;
    case 2:
      r += 2;
      break;
    case 3:
      r = 10;
    default:
      r += 5;
  }
  if (x == 1) __VERIFIER_assert(r == 3);
  if (x == 2) __VERIFIER_assert(r == 2);
  if (x == 3) __VERIFIER_assert(r == 15);
  if (x != 1 && x != 2 && x != 3) __VERIFIER_assert(r == 5);
  return r;
}
