// expect: yes
// args: --function run --property memory-safety
// note: hook is a const global, so it keeps its initialiser count_call for every entry.
static int calls;
static void count_call(void) { calls = 1; }

void (*const hook)(void) = count_call;

int run(void) {
  hook();
  return calls;
}
