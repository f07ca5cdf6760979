// expect: no
// args: --function f --semantics math
// kind: termination
// witness: f(1)
// why: with mathematical integers x + 1 never overflows, and x > 0 implies x + 1 > 0: the set x > 0 is a recurrent set (not a single state).
void f(int x) {
  while (x > 0)
    x = x + 1;
}
