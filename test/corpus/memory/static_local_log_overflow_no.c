// expect: no
// args: --function main --property memory-safety
// violation: valid-deref 9
// witness: main(): the fifth call of record writes log[4]
// note: the static index n survives between calls; the fifth call writes past static int log[4].
static void record(int v) {
  static int n;
  static int log[4];
  log[n++] = v;
}

int main(void) {
  for (int k = 0; k < 5; k++)
    record(k);
  return 0;
}
