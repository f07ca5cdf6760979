// expect: no
// args: --function main --property memory-safety
// violation: valid-deref 11
// witness: main(): in iteration i = 1, prev points to cur of iteration 0
// note: each iteration's cur is a new object whose lifetime ends with the loop body, so prev dangles in the next iteration.
int main(void) {
  int *prev = 0;
  int s = 0;
  for (int i = 0; i < 3; i++) {
    if (prev)
      s += *prev;
    int cur = i * 2;
    prev = &cur;
  }
  return s;
}
