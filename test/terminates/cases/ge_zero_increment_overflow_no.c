// expect: no
// args: --function f
// kind: overflow
// witness: f(2147483647)
// why: x >= 0 holds until x++ overflows at x == INT_MAX (undefined behaviour), so every run entering the loop reaches signed overflow; x strictly increases, so none loops forever without it.
void f(int x) {
  while (x >= 0)
    x++;
}
