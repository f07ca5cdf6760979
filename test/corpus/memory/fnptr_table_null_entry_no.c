// expect: no
// args: --function dispatch --property memory-safety
// violation: valid-call 17
// witness: dispatch(sig = 2)
// note: the index is in bounds, but handlers[2] is a null pointer and is called without a check.
extern void __VERIFIER_assume(int);

static int state;
static void on_hup(int *s) { *s = 1; }
static void on_int(int *s) { *s = 2; }
static void on_term(int *s) { *s = 15; }

static void (*const handlers[4])(int *) = {on_hup, on_int, 0, on_term};

int dispatch(int sig) {
  __VERIFIER_assume(sig >= 0 && sig < 4);
  handlers[sig](&state);
  return state;
}
