// expect: yes
// args: --function main --property memory-safety --property assertions
// note: char msg[] = "hello" is a modifiable 6-byte array initialised from the literal; upcase stops at its NUL.
#include <assert.h>
#include <string.h>

static void upcase(char *s) {
  for (; *s; s++)
    if (*s >= 'a' && *s <= 'z')
      *s = (char)(*s - 'a' + 'A');
}

int main(void) {
  char msg[] = "hello";
  upcase(msg);
  assert(sizeof msg == 6);
  assert(strcmp(msg, "HELLO") == 0);
  return 0;
}
