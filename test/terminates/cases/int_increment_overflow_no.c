// expect: no
// args: --function f
// kind: overflow
// witness: f(2147483647)
// why: a run that enters the loop increments x until x + 1 overflows int at x == INT_MAX (undefined behaviour); no run loops forever without overflowing (unlike unsigned_wrap_increment_yes.c).
void f(int x) {
  while (x > 0)
    x = x + 1;
}
