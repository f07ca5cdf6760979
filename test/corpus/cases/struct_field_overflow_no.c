// expect: no
// args: --function f
// property: f.overflow.1
// witness: f(2147483646)
// note: p.a + p.b is x + 2, which overflows int for x > INT_MAX - 2; the struct's fields are read back as written.
struct pair {
  int a;
  int b;
};

int f(int x) {
  struct pair p;
  p.a = x;
  p.b = 2;
  return p.a + p.b;
}
