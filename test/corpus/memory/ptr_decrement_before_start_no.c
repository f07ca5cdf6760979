// expect: no
// args: --function main --property memory-safety
// violation: valid-pointer-arith 13
// sanitizer: none
// witness: main(): the 4th iteration reads a[0] and then computes p - 1 = a - 1
// note: a pointer may not be moved before the start of its array (C11 6.5.6p8), even if the result is never used; no sanitizer flags a - 1 made from a pointer variable.
int main(void) {
  int a[4] = {1, 2, 3, 4};
  int s = 0;
  int *p = a + 3;
  for (int i = 0; i < 4; i++) {
    s += *p;
    p = p - 1;
  }
  return s;
}
