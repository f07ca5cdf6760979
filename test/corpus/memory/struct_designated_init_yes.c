// expect: yes
// args: --function main --property memory-safety --property assertions
// note: members and elements not named by a designated initialiser are zero (C11 6.7.9p21); arr[c.flags[1]] is arr[5].
#include <assert.h>

struct cfg {
  int mode;
  int level;
  int flags[3];
  const char *name;
};

int main(void) {
  struct cfg c = {.level = 2, .flags[1] = 5};
  int arr[6] = {[4] = 9, [1] = 1};
  assert(c.mode == 0 && c.flags[0] == 0 && c.flags[2] == 0 && c.name == 0);
  assert(arr[4] == 9 && arr[5] == 0 && arr[1] == 1);
  return arr[c.flags[1]];
}
