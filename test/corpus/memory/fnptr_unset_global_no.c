// expect: no
// args: --function main --property memory-safety
// violation: valid-call 11
// witness: main(): on_error was never set, so it is NULL
// note: a global function pointer without an initialiser starts as a null pointer (C11 6.7.9p10), and report calls it unchecked.
static void (*on_error)(int code);
static int last;

static void report(int code) {
  last = code;
  on_error(code);
}

int main(void) {
  report(3);
  return last;
}
