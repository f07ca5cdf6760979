// expect: no
// args: --function f --property memory-safety
// violation: valid-deref 11
// witness: f(v = 0): the iteration i = 4 reads byte 4 of a 4-byte int
// gap: decided in 8-25 s on a quiet 2-core machine: don't know under load is accepted
// note: an int has sizeof(int) = 4 bytes; the loop i <= 4 reads a fifth byte outside v.
int f(int v) {
  unsigned char *b = (unsigned char *)&v;
  int s = 0;
  for (int i = 0; i <= 4; i++)
    s += b[i];
  return s;
}
