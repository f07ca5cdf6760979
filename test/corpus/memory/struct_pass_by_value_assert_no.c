// expect: no
// args: --function main --property memory-safety --property assertions
// violation: assertion 21
// witness: main(): reset changed only its copy, a.total is still 5
// note: C passes structs by value; assigning to the parameter's member does not change the caller's struct.
#include <assert.h>

struct counter {
  int hits[3];
  int total;
};

static void reset(struct counter c) {
  c.total = 0;
  c.hits[0] = 0;
}

int main(void) {
  struct counter a = {{5, 0, 0}, 5};
  reset(a);
  assert(a.total == 0);
  return 0;
}
