// expect: no
// args: --function f --property memory-safety
// violation: valid-deref 10
// witness: f() with the global cursor = NULL
// note: for an entry other than main the non-const global pointer cursor is arbitrary, e.g. NULL.
int slot;
int *cursor = &slot;

int f(void) {
  return *cursor;
}
