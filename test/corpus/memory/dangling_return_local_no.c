// expect: no
// args: --function main --property memory-safety
// violation: valid-deref 14
// witness: main(): *q reads x of get's finished call
// note: x's lifetime ends when get returns (C11 6.2.4p2); q then points to a dead object.
static int *get(void) {
  int x = 1;
  int *p = &x;
  return p;
}

int main(void) {
  int *q = get();
  return *q;
}
