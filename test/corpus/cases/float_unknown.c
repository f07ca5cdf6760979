// expect: unknown
// args: --function f
// reason: unsupported
// note: floating point is not modelled.
double f(double x) {
  return x * 2.0;
}
