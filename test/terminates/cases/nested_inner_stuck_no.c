// expect: no
// args: --function f
// kind: termination
// witness: f(1, 1)
// why: in the first outer iteration i == 0, so with m > 0 the inner loop j = j + 0 keeps j == 0 < m forever (a fixed point of the inner loop); with m <= 0 the inner body never runs, so j + i is never computed and no overflow is reachable.
void f(int n, int m) {
  for (int i = 0; i < n; i++) {
    int j = 0;
    while (j < m)
      j = j + i;
  }
}
