// expect: no
// args: --function main --property memory-safety
// violation: valid-deref 9
// witness: main(): the last iteration (i = 5) writes a[5]
// note: `i <= 5` runs six iterations over int a[5]; a[5] is one past the end and may not be written.
int main(void) {
  int a[5];
  for (int i = 0; i <= 5; i++)
    a[i] = 0;
  return a[0];
}
