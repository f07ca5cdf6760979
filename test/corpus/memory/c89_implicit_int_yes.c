// expect: yes
// args: --function main --property memory-safety --property assertions
// note: C89 functions without a return type return int (gcc and clang accept them with a warning)
#include <assert.h>

int table[4] = {1, 2, 3, 4};

twice(int x) {
  return 2 * x;
}

main() {
  assert(twice(table[3]) == 8);
  return 0;
}
