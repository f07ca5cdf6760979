// expect: yes
// args: --function main --property memory-safety --property assertions
// gap: decided in 8-25 s on a quiet 2-core machine: don't know under load is accepted
// note: the static counter keeps its value across calls: next_slot returns 0, 1, 2, 3 for the four calls.
#include <assert.h>

static int next_slot(void) {
  static int used = 0;
  return used++;
}

int main(void) {
  int slots[4];
  for (int k = 0; k < 4; k++)
    slots[next_slot()] = k;
  assert(slots[0] == 0 && slots[3] == 3);
  return 0;
}
