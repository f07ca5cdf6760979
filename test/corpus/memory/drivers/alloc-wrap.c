/*
 * Allocation wrappers for cases verified with --malloc-may-fail. Bit k of
 * arc_fail_mask set: the k-th (0-based) call of malloc/calloc/realloc made by
 * the case returns NULL (a failing realloc leaves the old block alone, as in C).
 * A driver may set arc_fail_mask; otherwise it is read from ARC_FAIL_MASK.
 */
#include <stdlib.h>

unsigned long arc_fail_mask;
static unsigned long arc_calls;
static int arc_mask_read;

static int arc_fails(void) {
  if (!arc_mask_read) {
    const char *env = getenv("ARC_FAIL_MASK");
    arc_mask_read = 1;
    if (env != NULL && arc_fail_mask == 0) arc_fail_mask = strtoul(env, NULL, 0);
  }
  unsigned long k = arc_calls++;
  return k < 8 * sizeof arc_fail_mask && ((arc_fail_mask >> k) & 1u);
}

void *arc_malloc(size_t size) { return arc_fails() ? NULL : malloc(size); }
void *arc_calloc(size_t count, size_t size) { return arc_fails() ? NULL : calloc(count, size); }
void *arc_realloc(void *ptr, size_t size) { return arc_fails() ? NULL : realloc(ptr, size); }
