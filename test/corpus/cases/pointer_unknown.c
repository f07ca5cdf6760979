// expect: unknown
// args: --function f
// reason: unsupported
// note: pointers are not modelled.
int f(int *p) {
  return *p + 1;
}
