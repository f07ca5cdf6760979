// expect: no
// args: --function main --property memory-safety
// violation: valid-deref 9
// witness: main(): sum reads a[3] of int a[3]
// note: main passes a 3-element array with length 4, so sum reads one element past its end.
static int sum(const int *a, int n) {
  int s = 0;
  for (int i = 0; i < n; i++)
    s += a[i];
  return s;
}

int main(void) {
  int a[3] = {1, 2, 3};
  return sum(a, 4) == 6;
}
