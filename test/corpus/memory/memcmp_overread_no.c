// expect: no
// args: --function main --property memory-safety
// violation: library 11
// witness: main(): the first 4 bytes match, so memcmp must read a[4]
// note: memcmp accesses n bytes of both objects (C11 7.24.1p1); a has only 4, and they equal b's first 4, so even a byte-by-byte memcmp reads past a.
#include <string.h>

int main(void) {
  char a[4] = {'a', 'b', 'c', 'd'};
  char b[] = "abcdef";
  return memcmp(a, b, 6) != 0;
}
