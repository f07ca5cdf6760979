// expect: no
// args: --function f
// kind: termination
// witness: f(4)
// why: for x < 10 the body moves x towards 4..5 and then alternates 4 -> 5 -> 4 forever, so the break is never taken; 4 <= x <= 5 is a recurrent set with no fixed point; x + 1 (x < 5) and x - 1 (x >= 5) cannot overflow.
void f(int x) {
  while (1) {
    if (x >= 10)
      break;
    if (x < 5)
      x = x + 1;
    else
      x = x - 1;
  }
}
