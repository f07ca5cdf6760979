// expect: yes
// gap: the ranking argument needs a case split on the wrap-around (or on the sign), which arc does not try yet
// args: --function f
// why: C division truncates toward zero, so for n != 0 |n / 2| < |n| (n / 2 never overflows, even for INT_MIN); the sign of n never flips, so |n| (n when positive, -n when negative) is a ranking function.
void f(int n) {
  while (n != 0)
    n = n / 2;
}
