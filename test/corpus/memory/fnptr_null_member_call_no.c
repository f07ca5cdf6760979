// expect: no
// args: --function main --property memory-safety
// violation: valid-call 18
// witness: main(): h.on_stop is NULL (left out of the designated initialiser)
// note: members left out of a designated initialiser are null pointers, and calling a null function pointer is invalid.
static int state;

static void start(void) { state = 1; }

struct handlers {
  void (*on_start)(void);
  void (*on_stop)(void);
};

int main(void) {
  struct handlers h = {.on_start = start};
  h.on_start();
  h.on_stop();
  return state;
}
