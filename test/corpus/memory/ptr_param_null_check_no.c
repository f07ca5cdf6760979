// expect: no
// args: --function set --property memory-safety
// violation: valid-deref 8
// witness: set(p = object of 0 ints)
// note: p != NULL does not mean p points to an int: p may point to an object of 0 elements.
void set(int *p) {
  if (p)
    *p = 1;
}
