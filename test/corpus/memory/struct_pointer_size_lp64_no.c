// expect: no
// args: --function main --property memory-safety
// violation: library 16
// witness: main(): memcpy of sizeof s = 16 bytes into buf[8]
// note: in LP64 struct pair is int + 4 bytes padding + an 8-byte pointer = 16 bytes; copying it into buf[8] overflows.
#include <string.h>

struct pair {
  int id;
  void *ptr;
};

int main(void) {
  struct pair s = {1, 0};
  unsigned char buf[8];
  memcpy(buf, &s, sizeof s);
  return buf[0];
}
