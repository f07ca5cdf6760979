// expect: no
// args: --function f --returns-true
// property: f.returns-true.1
// witness: f(255)
// note: (unsigned char)(255 + 1) is 0.
int f(unsigned char x) {
  return (unsigned char)(x + 1);
}
