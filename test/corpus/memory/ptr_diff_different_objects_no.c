// expect: no
// args: --function main --property memory-safety
// violation: valid-pointer-compare 9
// witness: main(): q - p with p = &x, q = &y
// note: subtracting pointers that do not point into the same array object is undefined (C11 6.5.6p9).
int main(void) {
  int x = 1, y = 2;
  int *p = &x, *q = &y;
  long d = q - p;
  return d != 0;
}
