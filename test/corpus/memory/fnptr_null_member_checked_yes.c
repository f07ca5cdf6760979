// expect: yes
// args: --function main --property memory-safety --property assertions
// note: each handler is called only after a NULL check; on_stop is NULL and skipped.
#include <assert.h>

static int state;

static void start(void) { state = 1; }

struct handlers {
  void (*on_start)(void);
  void (*on_stop)(void);
};

int main(void) {
  struct handlers h = {.on_start = start};
  if (h.on_start)
    h.on_start();
  if (h.on_stop)
    h.on_stop();
  assert(state == 1);
  return 0;
}
