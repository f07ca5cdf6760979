// expect: unknown
// args: --function f
// reason: unsupported
// note: structs are not modelled.
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
