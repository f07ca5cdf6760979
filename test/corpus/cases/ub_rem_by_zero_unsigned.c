// expect: no
// args: --function f
// property: f.div-by-zero.1
// witness: f(5u, 0u)
// note: remainder by zero is UB even for unsigned operands.
unsigned f(unsigned a, unsigned b) {
  return a % b;
}
