// expect: no
// args: --function main --property memory-safety
// violation: valid-deref 14
// witness: main(): k = 4 writes w.b[4] (sizeof(long) = 8)
// note: the loop assumes sizeof(long) bytes fit in b[4]; in LP64 sizeof(long) is 8, so b[4] is out of bounds.
union word {
  unsigned int u;
  unsigned char b[4];
};

int main(void) {
  union word w;
  for (unsigned long k = 0; k < sizeof(long); k++)
    w.b[k] = 0;
  return (int)w.u;
}
