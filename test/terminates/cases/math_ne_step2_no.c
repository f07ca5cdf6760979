// expect: no
// args: --function f --semantics math
// kind: termination
// witness: f(1)
// why: an odd x steps from 1 to -1 over 0 and then decreases forever: x < 0 is a recurrent set (x != 0 and x - 2 < 0).
void f(int x) {
  while (x != 0)
    x = x - 2;
}
