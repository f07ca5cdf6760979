// expect: yes
// args: --function run --property memory-safety
// note: the loop stays within the 3-entry table, every entry has a non-NULL handler, and a name that is not found calls nothing.
#include <string.h>

static int do_add(int x) { return x & 0xff; }
static int do_neg(int x) { return x ^ 0x7f; }
static int do_zero(int x) { (void)x; return 0; }

static const struct cmd {
  const char *name;
  int (*fn)(int);
} commands[3] = {{"add", do_add}, {"neg", do_neg}, {"zero", do_zero}};

int run(int which, int x) {
  const char *name = which == 0 ? "neg" : which == 1 ? "zero" : "nope";
  for (int i = 0; i < 3; i++)
    if (strcmp(commands[i].name, name) == 0)
      return commands[i].fn(x);
  return -1;
}
