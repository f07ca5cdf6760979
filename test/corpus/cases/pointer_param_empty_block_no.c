// expect: no
// args: --function f
// property: f.valid-deref.3
// witness: f(p = a block of 0 elements)
// note: a pointer parameter may point to a block of any length, including none: reading *p is then out of bounds (the NULL case is ruled out first).
unsigned f(unsigned *p) {
  if (!p) return 0;
  return *p + 1u;
}
