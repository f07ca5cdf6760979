// expect: no
// args: --function main --property memory-safety
// violation: valid-deref 10
// witness: main(): "/usr" + "/bin" needs 9 bytes in path[8]
// note: strcat appends after the existing 4 chars; 4 + 4 chars + NUL = 9 bytes do not fit in char[8].
#include <string.h>

int main(void) {
  char path[8] = "/usr";
  strcat(path, "/bin");
  return path[0];
}
