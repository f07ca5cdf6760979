// expect: no
// args: --function main --property memory-safety
// violation: valid-deref 10
// witness: main(): tag matches "abcd" in its 3 chars, so strcmp reads tag[3]
// note: tag has no NUL; its 3 chars equal the start of "abcd", so the comparison must read past tag.
#include <string.h>

int main(void) {
  char tag[3] = {'a', 'b', 'c'};
  return strcmp(tag, "abcd") == 0;
}
