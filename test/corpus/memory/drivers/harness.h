/*
 * Shared support for the drivers of test/corpus/memory (used only by
 * scripts/check-memory-corpus.sh; arc never reads the drivers).
 *
 * A driver NAME.driver.c runs its case NAME.c on concrete inputs:
 *
 *   #define ARC_SCENARIOS 3      // how many input sets; the script runs `bin 0`, `bin 1`, ...
 *   #include "harness.h"
 *   int f(int *p, int n);        // the entry (for entry main: int arc_case_main(void),
 *                                // the case is compiled with -Dmain=arc_case_main)
 *   static void scenario(int k) { ... call the entry with the k-th inputs ... }
 *
 * For a `no` case, scenario 0 is the witness. NONDET(v1, v2, ...) queues the
 * values the case's __VERIFIER_nondet_*() calls return, in order. The driver
 * fails loudly (ARC-DRIVER) if its inputs break a __VERIFIER_assume or run out
 * of nondet values, so a wrong driver is never mistaken for a verdict.
 * With --malloc-may-fail, the case is compiled with alloc-wrap.h and
 * `arc_fail_mask` (bit k: the k-th allocation of the case returns NULL) selects
 * failing allocations.
 */
#ifndef ARC_HARNESS_H
#define ARC_HARNESS_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef ARC_SCENARIOS
#define ARC_SCENARIOS 1
#endif

extern unsigned long arc_fail_mask; /* defined in alloc-wrap.c (linked with --malloc-may-fail) */

static void scenario(int k);

static void arc_driver_error(const char *msg) {
  fprintf(stderr, "ARC-DRIVER: %s\n", msg);
  exit(97);
}

static long arc_values[32];
static int arc_nvalues, arc_next;

static void arc_set_nondet(const long *v, int n) {
  if (n > 32) arc_driver_error("too many nondet values");
  for (int i = 0; i < n; i++) arc_values[i] = v[i];
  arc_nvalues = n;
  arc_next = 0;
}
#define NONDET(...) \
  arc_set_nondet((const long[]){__VA_ARGS__}, (int)(sizeof((const long[]){__VA_ARGS__}) / sizeof(long)))

static long arc_nondet(void) {
  if (arc_next >= arc_nvalues) arc_driver_error("the case asked for more nondet values than the driver gave");
  return arc_values[arc_next++];
}
int __VERIFIER_nondet_int(void) { return (int)arc_nondet(); }
unsigned int __VERIFIER_nondet_uint(void) { return (unsigned int)arc_nondet(); }
char __VERIFIER_nondet_char(void) { return (char)arc_nondet(); }
unsigned char __VERIFIER_nondet_uchar(void) { return (unsigned char)arc_nondet(); }
short __VERIFIER_nondet_short(void) { return (short)arc_nondet(); }
long __VERIFIER_nondet_long(void) { return arc_nondet(); }
unsigned long __VERIFIER_nondet_ulong(void) { return (unsigned long)arc_nondet(); }
_Bool __VERIFIER_nondet_bool(void) { return arc_nondet() != 0; }

void __VERIFIER_assume(int cond) {
  if (!cond) arc_driver_error("the driver's inputs violate a __VERIFIER_assume of the case");
}

/* A fresh heap object of n elements of `size` bytes for a pointer parameter
   (n may be 0: ASan then flags any access), its bytes set to `fill`. */
static void *arc_object(size_t n, size_t size, int fill) {
  void *p = malloc(n * size);
  if (p == NULL) arc_driver_error("out of memory");
  memset(p, fill, n * size);
  return p;
}

/* Zero the stack below the caller, where the case's frames were, so that stale
   copies of pointers there cannot hide a lost block from LeakSanitizer. */
__attribute__((noinline, no_sanitize("address"))) static void arc_scrub_stack(void) {
  volatile char area[1 << 16];
  for (size_t i = 0; i < sizeof area; i++) area[i] = 0;
}

int main(int argc, char **argv) {
  int k = argc > 1 ? atoi(argv[1]) : 0;
  if (k < 0 || k >= ARC_SCENARIOS) arc_driver_error("no such scenario");
  scenario(k);
  arc_scrub_stack();
  return 0;
}
#endif
