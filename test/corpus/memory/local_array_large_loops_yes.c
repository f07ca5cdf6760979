// expect: yes
// args: --function main --property memory-safety
// note: three loops over two local arrays of 100,000 ints, each index below the bound: more iterations than unwinding reaches, so the proof needs loop invariants over the arrays' objects (OBJECT_SIZE(a) == 400000, POINTER_OFFSET(a) == 0, 0 <= i).
int main(void) {
  int a[100000];
  int b[100000];
  for (int i = 0; i < 100000; i++)
    a[i] = i;
  for (int i = 0; i < 100000; i++)
    b[i] = a[i];
  int sum = 0;
  for (int x = 0; x < 100000; x++)
    sum += b[x] & 1;
  return sum > 0;
}
