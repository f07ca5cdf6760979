// expect: no
// args: --function is_nonzero --returns-true
// property: is_nonzero.returns-true.1
// witness: is_nonzero(0)
// note: is_nonzero(0) returns 0.
int is_nonzero(int x) {
  return x > 0 || x < 0;
}
