// expect: yes
// args: --function main --property memory-safety --property assertions
// note: a struct argument is a copy; bump changes only its own copy, and returns the changed copy.
#include <assert.h>

struct counter {
  int hits[3];
  int total;
};

static struct counter bump(struct counter c, int i) {
  c.hits[i]++;
  c.total++;
  return c;
}

int main(void) {
  struct counter a = {{0, 0, 0}, 0};
  struct counter b = bump(a, 2);
  assert(a.hits[2] == 0 && a.total == 0);
  assert(b.hits[2] == 1 && b.total == 1);
  return 0;
}
