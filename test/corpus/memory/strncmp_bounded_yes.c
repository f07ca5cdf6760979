// expect: yes
// args: --function main --property memory-safety --property assertions
// note: strncmp reads at most n = 3 chars of each argument, so an unterminated char[3] is fine.
#include <assert.h>
#include <string.h>

int main(void) {
  char tag[3] = {'a', 'b', 'c'};
  assert(strncmp(tag, "abcd", sizeof tag) == 0);
  assert(strncmp(tag, "abx", 3) < 0);
  return 0;
}
