// expect: no
// args: --function f --semantics math
// kind: termination
// why: the guard is non-linear (i * i > 9); once |i| > 3 the loop moves i away from 0, so i * i only grows: the recurrent set i <= -4 (or i >= 4) holds only through the product, which the non-termination queries keep exactly (as x·y in non-linear arithmetic).
void f(int i) {
  while (i * i > 9) {
    if (i < 0) {
      i = i - 1;
    } else {
      i = i + 1;
    }
  }
}
