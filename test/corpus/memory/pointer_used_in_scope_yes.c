// expect: yes
// args: --function main --property memory-safety --property assertions
// note: every pointer to a local is used only while that local is alive (within its iteration, or during the call).
#include <assert.h>

static void add_into(int *acc, int v) {
  *acc += v;
}

int main(void) {
  int total = 0;
  for (int i = 0; i < 3; i++) {
    int cell = i + 1;
    int *p = &cell;
    add_into(&total, *p);
  }
  assert(total == 6);
  return 0;
}
