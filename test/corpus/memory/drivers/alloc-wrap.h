/*
 * Force-included (clang -include) into the cases verified with --malloc-may-fail,
 * so that a driver or ARC_FAIL_MASK can make any allocation of the case return
 * NULL (see alloc-wrap.c). Only the case goes through these wrappers.
 */
#include <stdlib.h>
void *arc_malloc(size_t size);
void *arc_calloc(size_t count, size_t size);
void *arc_realloc(void *ptr, size_t size);
#define malloc(size) arc_malloc(size)
#define calloc(count, size) arc_calloc(count, size)
#define realloc(ptr, size) arc_realloc(ptr, size)
