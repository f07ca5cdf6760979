// expect: no
// args: --function f --property no-div-by-zero
// property: f.div-by-zero.1
// witness: f(1, 0)
// note: division by zero is UB.
int f(int a, int b) {
  return a / b;
}
