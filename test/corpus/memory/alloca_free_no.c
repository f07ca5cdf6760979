// expect: no
// args: --function main --property memory-safety
// violation: valid-free 13
// witness: main(): free of the alloca block
// note: alloca memory is released automatically when the function returns; passing it to free is invalid.
#include <alloca.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
  char *b = alloca(8);
  strcpy(b, "scratch");
  free(b);
  return 0;
}
