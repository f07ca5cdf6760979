/*
 * The main of a case whose entry is main and that needs no driver: the case is
 * compiled with -Dmain=arc_case_main and linked with this file (see
 * scripts/check-memory-corpus.sh). After the case returns, the stack below is
 * zeroed so that stale copies of pointers cannot hide a lost block from
 * LeakSanitizer; then the case's return value is returned as usual.
 */
#include <stddef.h>

int arc_case_main(void);

__attribute__((noinline, no_sanitize("address"))) static void arc_scrub_stack(void) {
  volatile char area[1 << 16];
  for (size_t i = 0; i < sizeof area; i++) area[i] = 0;
}

int main(void) {
  int r = arc_case_main();
  arc_scrub_stack();
  return r;
}
