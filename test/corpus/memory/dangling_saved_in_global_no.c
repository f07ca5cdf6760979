// expect: no
// args: --function main --property memory-safety
// violation: valid-deref 15
// witness: main(): *saved after remember(3) returned
// note: the global keeps the address of remember's local copy, which dies when remember returns.
static int *saved;

static void remember(int v) {
  int copy = v;
  saved = &copy;
}

int main(void) {
  remember(3);
  return *saved;
}
