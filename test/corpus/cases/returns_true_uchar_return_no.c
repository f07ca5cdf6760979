// expect: no
// args: --function f --returns-true
// property: f.returns-true.1
// witness: f(256)
// note: the return value is converted to unsigned char, so 256 is returned as 0.
unsigned char f(int x) {
  if (x == 0) {
    return 1;
  }
  return x;
}
