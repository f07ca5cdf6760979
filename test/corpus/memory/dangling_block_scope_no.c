// expect: no
// args: --function main --property memory-safety
// violation: valid-deref 12
// witness: main(): *p after the block that declared tmp ended
// note: a block-scope object's lifetime ends with its block, so p dangles after the closing brace.
int main(void) {
  int *p;
  {
    int tmp = 41;
    p = &tmp;
  }
  return *p + 1;
}
