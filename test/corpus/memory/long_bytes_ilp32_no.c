// expect: no
// args: --function main --property memory-safety --data-model ILP32
// violation: valid-deref 9
// witness: main(): b[7] with sizeof(long) = 4
// note: in ILP32 a long has only 4 bytes, so b[7] is outside v (the same program is safe in LP64).
int main(void) {
  long v = 0;
  unsigned char *b = (unsigned char *)&v;
  b[7] = 0x80;
  return v < 0;
}
