// expect: unknown
// args: --function f --semantics math
// reason: unsupported
// why: bitwise & is not defined for arc's mathematical integers, so the front-end cannot model the program (in C semantics x & (x - 1) clears the lowest set bit and the loop terminates).
void f(int x) {
  while (x > 0)
    x = x & (x - 1);
}
