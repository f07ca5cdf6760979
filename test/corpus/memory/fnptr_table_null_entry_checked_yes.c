// expect: yes
// args: --function dispatch --property memory-safety
// note: the index is in bounds and the NULL entry is skipped before the call.
extern void __VERIFIER_assume(int);

static int state;
static void on_hup(int *s) { *s = 1; }
static void on_int(int *s) { *s = 2; }
static void on_term(int *s) { *s = 15; }

static void (*const handlers[4])(int *) = {on_hup, on_int, 0, on_term};

int dispatch(int sig) {
  __VERIFIER_assume(sig >= 0 && sig < 4);
  if (handlers[sig] == 0)
    return -1;
  handlers[sig](&state);
  return state;
}
