// expect: no
// args: --function f --property memory-safety
// violation: valid-deref 10
// witness: f() with the global pos = 4
// note: for an entry other than main, a non-const global holds an arbitrary value, so pos may be 4 (or negative).
int table[4] = {1, 2, 3, 4};
int pos = 1;

int f(void) {
  return table[pos];
}
