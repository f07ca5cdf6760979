// expect: no
// args: --function main --property memory-safety
// violation: valid-deref 9
// witness: main(): the last iteration writes *(a + 6)
// note: p <= a + 6 lets the loop dereference the one-past-the-end pointer a + 6.
int main(void) {
  int a[6];
  for (int *p = a; p <= a + 6; p++)
    *p = 0;
  return a[0];
}
