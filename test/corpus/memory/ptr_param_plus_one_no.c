// expect: no
// args: --function next --property memory-safety
// violation: valid-pointer-arith 7
// witness: next(p = NULL); also p = object of 0 ints, where p + 1 is two past the end
// note: p + 1 needs an object with at least one element at p; NULL (or an empty object) has none.
int *next(int *p) {
  return p + 1;
}
