// expect: yes
// args: --function f --property memory-safety
// note: both arguments are always NUL-terminated arrays or literals, so strcmp/strncmp stay in bounds.
#include <string.h>

int f(int which) {
  char cmd[8] = "start";
  const char *other = which ? "stop" : "start";
  if (strcmp(cmd, other) == 0)
    return 1;
  return strncmp(cmd, "stx", 2) == 0 ? 2 : 0;
}
