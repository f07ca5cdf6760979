// expect: no
// args: --function run --property memory-safety
// violation: valid-call 12
// witness: run() with the global hook = NULL
// note: for an entry other than main the non-const global hook holds an arbitrary value, NULL included.
static int calls;
static void count_call(void) { calls++; }

void (*hook)(void) = count_call;

int run(void) {
  hook();
  return calls;
}
