// expect: yes
// args: --function main --property memory-safety --property assertions
// note: char s[4] = "abc" keeps the NUL, so strlen reads s[0..3] and returns 3.
#include <assert.h>
#include <string.h>

int main(void) {
  char s[4] = "abc";
  assert(strlen(s) == 3);
  s[1] = '\0';
  assert(strlen(s) == 1);
  return 0;
}
