// expect: no
// args: --function f
// kind: overflow
// witness: f(-2147483647)
// why: an odd or negative x steps over 0 and keeps decreasing until x - 2 overflows below INT_MIN (immediately for x == -2147483647); x strictly decreases, so no run loops forever without overflowing.
void f(int x) {
  while (x != 0)
    x = x - 2;
}
