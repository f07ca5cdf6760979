// expect: yes
// args: --function main --property memory-safety --property assertions
// note: __func__ is a read-only array holding the enclosing function's name (C11 6.4.2.2)
#include <assert.h>
#include <string.h>

static const char *name_of_helper(void) { return __func__; }

static int first_of_check(void) { return __func__[0] == 'f' && __func__[14] == '\0'; }

int main(void) {
  assert(strlen(name_of_helper()) == 14 && name_of_helper()[0] == 'n');
  assert(first_of_check());
  return 0;
}
