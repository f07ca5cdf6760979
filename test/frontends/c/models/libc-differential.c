/*
 * Differential test of arc's C library models (src/frontends/c/models/libc.c)
 * against the C library this harness links with (glibc): each model is run on
 * many random inputs next to the real function, and their return values (the
 * sign only for memcmp, strcmp and strncmp) and the buffers they write must
 * agree. Built by run.sh with AddressSanitizer and UndefinedBehaviorSanitizer.
 *
 * Every buffer handed to a model is a heap block of exactly the size the
 * standard requires the call to be able to touch, so a model that reads or
 * writes one byte more than the standard allows is an ASan report.
 *
 * The models are included below with their names prefixed (arc_memcpy, ...)
 * by run.sh's generated arc-rename.h; the builtins they use are defined here:
 * __arc_assert aborts on a false condition (or, where a test expects the
 * assertion to fail, returns to that test), __arc_same_object and
 * __arc_offset look the pointers up among the blocks the harness allocated.
 *
 * Usage: differential [ITERATIONS-PER-FUNCTION] (default 20000).
 */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <fcntl.h>
#include <limits.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* ------------------------------------------------- the real C library's functions */
/* Taken by address before the models' names are defined, so that no macro of
 * <ctype.h> or <string.h> and no compiler builtin stands in for them. */
static void *(*const libc_memcpy)(void *, const void *, size_t) = memcpy;
static void *(*const libc_memmove)(void *, const void *, size_t) = memmove;
static void *(*const libc_memset)(void *, int, size_t) = memset;
static int (*const libc_memcmp)(const void *, const void *, size_t) = memcmp;
static void *(*const libc_memchr)(const void *, int, size_t) = memchr;
static size_t (*const libc_strlen)(const char *) = strlen;
static size_t (*const libc_strnlen)(const char *, size_t) = strnlen;
static char *(*const libc_strcpy)(char *, const char *) = strcpy;
static char *(*const libc_strncpy)(char *, const char *, size_t) = strncpy;
static int (*const libc_strcmp)(const char *, const char *) = strcmp;
static int (*const libc_strncmp)(const char *, const char *, size_t) = strncmp;
static char *(*const libc_strcat)(char *, const char *) = strcat;
static char *(*const libc_strncat)(char *, const char *, size_t) = strncat;
static char *(*const libc_strchr)(const char *, int) = strchr;
static char *(*const libc_strrchr)(const char *, int) = strrchr;
static char *(*const libc_strstr)(const char *, const char *) = strstr;
static size_t (*const libc_strspn)(const char *, const char *) = strspn;
static size_t (*const libc_strcspn)(const char *, const char *) = strcspn;
static char *(*const libc_strdup)(const char *) = strdup;
static int (*const libc_abs)(int) = abs;
static long (*const libc_labs)(long) = labs;
static long long (*const libc_llabs)(long long) = llabs;

#define CTYPE_COUNT 14
static const char *const ctype_names[CTYPE_COUNT] = {
    "isdigit", "isalpha", "isalnum", "isspace", "isupper", "islower",  "isxdigit",
    "isprint", "ispunct", "iscntrl", "isgraph", "toupper", "tolower", "isblank",
};
static int (*const libc_ctype[CTYPE_COUNT])(int) = {
    isdigit, isalpha, isalnum, isspace, isupper, islower, isxdigit,
    isprint, ispunct, iscntrl, isgraph, toupper, tolower, isblank,
};

/* ------------------------------------------------- failures and statistics */
static unsigned long total_failures;
#define MAX_STATS 64
static struct {
  const char *name;
  unsigned long cases, failures;
} stats[MAX_STATS];
static int stat_count;

static int stat_index(const char *name) {
  int i;
  for (i = 0; i < stat_count; i++)
    if (strcmp(stats[i].name, name) == 0) return i;
  if (stat_count == MAX_STATS) abort();
  stats[stat_count].name = name;
  return stat_count++;
}

/* Records one case of fn; a false ok is a mismatch, described by what. */
static void check(int ok, const char *fn, const char *what) {
  int i = stat_index(fn);
  stats[i].cases++;
  if (ok) return;
  stats[i].failures++;
  if (++total_failures <= 30) fprintf(stderr, "MISMATCH %s: %s\n", fn, what);
}

static char detail[512];

/* ------------------------------------------------- tracked allocations */
#define MAX_BLOCKS 64
static struct {
  unsigned char *base;
  size_t size;
} blocks[MAX_BLOCKS];

static void *tracked(size_t size) {
  int i;
  unsigned char *p = malloc(size);
  if (p == NULL) {
    fprintf(stderr, "harness: out of memory\n");
    exit(2);
  }
  for (i = 0; i < MAX_BLOCKS; i++) {
    if (blocks[i].base == NULL) {
      blocks[i].base = p;
      blocks[i].size = size;
      return p;
    }
  }
  fprintf(stderr, "harness: more than %d blocks live\n", MAX_BLOCKS);
  exit(2);
}

static void release(void *p) {
  int i;
  for (i = 0; i < MAX_BLOCKS; i++) {
    if (blocks[i].base == p) {
      blocks[i].base = NULL;
      free(p);
      return;
    }
  }
  fprintf(stderr, "harness: releasing an untracked block\n");
  exit(2);
}

/* The tracked block p points into (or one past the end of). */
static int block_of(const void *p) {
  uintptr_t a = (uintptr_t)p;
  int i;
  for (i = 0; i < MAX_BLOCKS; i++)
    if (blocks[i].base && a >= (uintptr_t)blocks[i].base &&
        a < (uintptr_t)blocks[i].base + blocks[i].size)
      return i;
  for (i = 0; i < MAX_BLOCKS; i++)
    if (blocks[i].base && a == (uintptr_t)blocks[i].base + blocks[i].size) return i;
  fprintf(stderr, "harness: a model asked about a pointer outside every tracked block\n");
  abort();
}

/* ------------------------------------------------- arc's builtins */
static int expecting_assertion;
static jmp_buf assertion_env;
static const char *last_assertion;

static void __arc_assert(int cond, const char *msg) {
  if (cond) return;
  if (expecting_assertion) {
    last_assertion = msg;
    longjmp(assertion_env, 1);
  }
  fprintf(stderr, "arc model assertion failed: %s\n", msg);
  abort();
}

static int __arc_same_object(const void *p, const void *q) { return block_of(p) == block_of(q); }

static unsigned long __arc_offset(const void *p) {
  return (unsigned long)((uintptr_t)p - (uintptr_t)blocks[block_of(p)].base);
}

/* Every tracked block is live and writable: only NULL and the bounds matter. */
static int __arc_r_ok(const void *p, size_t n) {
  return p != NULL && __arc_offset(p) + n <= blocks[block_of(p)].size;
}
static int __arc_w_ok(void *p, size_t n) { return __arc_r_ok(p, n); }

/* malloc as strdup's model sees it: fails on request. */
static int fail_next_malloc;
static void *model_malloc(size_t size) {
  if (fail_next_malloc) {
    fail_next_malloc = 0;
    return NULL;
  }
  return malloc(size);
}

/* ------------------------------------------------- the models, renamed arc_* */
#include "arc-rename.h"
#define malloc model_malloc
#include "libc.c"
#undef malloc
#include "arc-unrename.h"

static int (*const arc_ctype[CTYPE_COUNT])(int) = {
    arc_isdigit, arc_isalpha, arc_isalnum, arc_isspace, arc_isupper, arc_islower,  arc_isxdigit,
    arc_isprint, arc_ispunct, arc_iscntrl, arc_isgraph, arc_toupper, arc_tolower, arc_isblank,
};

/* ------------------------------------------------- calls expected to fail an assertion */
enum fn {
  F_MEMCPY, F_MEMMOVE, F_MEMSET, F_MEMCMP, F_MEMCHR, F_STRNLEN, F_STRCPY, F_STRNCPY,
  F_STRCAT, F_STRNCAT, F_STRNCMP, F_ABS, F_LABS, F_LLABS, F_CTYPE,
};
static struct {
  enum fn fn;
  void *d;
  const void *s;
  size_t n;
  long long v;
  int which;
} call;
static void *call_ptr;
static long long call_int;

static void dispatch(void) {
  switch (call.fn) {
  case F_MEMCPY: call_ptr = arc_memcpy(call.d, call.s, call.n); break;
  case F_MEMMOVE: call_ptr = arc_memmove(call.d, call.s, call.n); break;
  case F_MEMSET: call_ptr = arc_memset(call.d, (int)call.v, call.n); break;
  case F_MEMCMP: call_int = arc_memcmp(call.d, call.s, call.n); break;
  case F_MEMCHR: call_ptr = arc_memchr(call.s, (int)call.v, call.n); break;
  case F_STRNLEN: call_int = (long long)arc_strnlen(call.s, call.n); break;
  case F_STRCPY: call_ptr = arc_strcpy(call.d, call.s); break;
  case F_STRNCPY: call_ptr = arc_strncpy(call.d, call.s, call.n); break;
  case F_STRCAT: call_ptr = arc_strcat(call.d, call.s); break;
  case F_STRNCAT: call_ptr = arc_strncat(call.d, call.s, call.n); break;
  case F_STRNCMP: call_int = arc_strncmp(call.d, call.s, call.n); break;
  case F_ABS: call_int = arc_abs((int)call.v); break;
  case F_LABS: call_int = arc_labs((long)call.v); break;
  case F_LLABS: call_int = arc_llabs(call.v); break;
  case F_CTYPE: call_int = arc_ctype[call.which]((int)call.v); break;
  }
}

/* Runs `call`; whether one of the model's assertions failed. */
static int asserts(void) {
  last_assertion = NULL;
  expecting_assertion = 1;
  if (setjmp(assertion_env) == 0) {
    dispatch();
    expecting_assertion = 0;
    return 0;
  }
  expecting_assertion = 0;
  return 1;
}

/* ------------------------------------------------- random inputs */
static uint64_t rng = 0x243F6A8885A308D3u; /* fixed seed */
static uint64_t next(void) {
  rng ^= rng >> 12;
  rng ^= rng << 25;
  rng ^= rng >> 27;
  return rng * 2685821657736338717u;
}
static size_t below(size_t n) { return (size_t)(next() % n); }

/* Bytes for the mem* functions: NULs, both signs of char, and a few letters. */
static const unsigned char BYTES[] = {0, 1, 'a', 'b', 0x80, 0xff};
/* Non-null characters of strings, one of them negative as a (signed) char. */
static const unsigned char CHARS[] = {'a', 'b', 'c', 0xe9};

static unsigned char rand_byte(void) { return BYTES[below(sizeof BYTES)]; }
static char rand_char(void) { return (char)CHARS[below(sizeof CHARS)]; }

/* A tracked block of exactly n random bytes. */
static unsigned char *rand_bytes(size_t n) {
  unsigned char *p = tracked(n);
  size_t i;
  for (i = 0; i < n; i++) p[i] = rand_byte();
  return p;
}

/* A tracked block of exactly n bytes holding a copy of p. */
static void *clone(const void *p, size_t n) {
  void *q = tracked(n);
  if (n) memcpy(q, p, n);
  return q;
}

/* n random characters (no null character) into p. */
static void fill_chars(char *p, size_t n) {
  size_t i;
  for (i = 0; i < n; i++) p[i] = rand_char();
}

/* Like base's first characters, then random: equal prefixes are common. */
static void fill_like(char *p, size_t n, const char *base, size_t base_len) {
  size_t i, keep = below(base_len + 1);
  for (i = 0; i < n; i++) p[i] = i < keep ? base[i] : rand_char();
  if (n && below(4) == 0) p[below(n)] = rand_char();
}

/* A tracked block of exactly len + 1 bytes: a random string of length len. */
static char *rand_str(size_t len) {
  char *p = tracked(len + 1);
  fill_chars(p, len);
  p[len] = 0;
  return p;
}

static char *rand_str_like(size_t len, const char *base) {
  char *p = tracked(len + 1);
  fill_like(p, len, base, strlen(base));
  p[len] = 0;
  return p;
}

/* A string argument or an array of exactly n characters without a null
 * character (the functions that stop after n characters accept both). */
static char *rand_str_or_array(size_t n, int *is_array) {
  char *p;
  *is_array = below(3) == 0;
  if (!*is_array) return rand_str(below(17));
  p = tracked(n);
  fill_chars(p, n);
  return p;
}

static int sign(long long v) { return (v > 0) - (v < 0); }
static int bytes_equal(const void *a, const void *b, size_t n) {
  return n == 0 || memcmp(a, b, n) == 0;
}

/* An int as the <string.h> functions take a character: usually from the
 * alphabet, sometimes wide of unsigned char's range. */
static int rand_c(void) {
  switch (below(6)) {
  case 0: return (int)CHARS[below(sizeof CHARS)] - 256 * (int)below(2); /* also as negative */
  case 1: return 0;
  case 2: return (int)rand_byte() + 256;
  case 3: return (int)(int32_t)next();
  default: return (int)CHARS[below(sizeof CHARS)];
  }
}

/* ------------------------------------------------- one test per function */
static void test_memcpy(void) {
  size_t n = below(17);
  unsigned char *src = rand_bytes(n), *src0 = clone(src, n);
  unsigned char *d1 = rand_bytes(n), *d2 = clone(d1, n);
  void *r1 = arc_memcpy(d1, src, n), *r2 = libc_memcpy(d2, src, n);
  check(r1 == d1 && r2 == d2 && bytes_equal(d1, d2, n) && bytes_equal(src, src0, n), "memcpy",
        "separate blocks");
  release(src), release(src0), release(d1), release(d2);
}

static void test_memmove(void) {
  size_t size = below(25), n = below(size + 1), a = below(size - n + 1), b = below(size - n + 1);
  unsigned char *buf = rand_bytes(size), *buf2 = clone(buf, size);
  void *r1 = arc_memmove(buf + a, buf + b, n), *r2 = libc_memmove(buf2 + a, buf2 + b, n);
  snprintf(detail, sizeof detail, "one block of %zu, dest +%zu, src +%zu, n %zu", size, a, b, n);
  check(r1 == buf + a && r2 == buf2 + a && bytes_equal(buf, buf2, size), "memmove", detail);
  release(buf), release(buf2);
  {
    unsigned char *s = rand_bytes(n), *d1 = rand_bytes(n), *d2 = clone(d1, n);
    r1 = arc_memmove(d1, s, n), r2 = libc_memmove(d2, s, n);
    check(r1 == d1 && bytes_equal(d1, d2, n), "memmove", "separate blocks");
    release(s), release(d1), release(d2);
  }
}

static void test_memset(void) {
  size_t n = below(17);
  int c = rand_c();
  unsigned char *b1 = rand_bytes(n), *b2 = clone(b1, n);
  void *r1 = arc_memset(b1, c, n);
  libc_memset(b2, c, n);
  check(r1 == b1 && bytes_equal(b1, b2, n), "memset", "buffer or result differs");
  release(b1), release(b2);
}

static void test_memcmp(void) {
  size_t n = below(17), i;
  unsigned char *a = rand_bytes(n), *b = clone(a, n);
  if (n && below(4) != 0) /* differ from a random point on, or at one byte */
    for (i = below(n); i < n; i += 1 + below(n)) b[i] = rand_byte();
  snprintf(detail, sizeof detail, "n %zu", n);
  check(sign(arc_memcmp(a, b, n)) == sign(libc_memcmp(a, b, n)) &&
            sign(arc_memcmp(b, a, n)) == sign(libc_memcmp(b, a, n)),
        "memcmp", detail);
  release(a), release(b);
}

static void test_memchr(void) {
  size_t n = below(17);
  int c = below(2) ? (int)rand_byte() : rand_c();
  unsigned char *s = rand_bytes(n);
  unsigned char *r1 = arc_memchr(s, c, n), *r2 = libc_memchr(s, c, n);
  snprintf(detail, sizeof detail, "n %zu, c %d", n, c);
  check(r1 == r2, "memchr", detail);
  release(s);
}

static void test_strlen(void) {
  size_t len = below(17);
  char *s = rand_str(len);
  if (len && below(3) == 0) s[below(len)] = 0; /* an early null character */
  check(arc_strlen(s) == libc_strlen(s), "strlen", "length differs");
  release(s);
}

static void test_strnlen(void) {
  size_t n = below(21);
  int is_array;
  char *s = rand_str_or_array(n, &is_array);
  snprintf(detail, sizeof detail, "%s, maxlen %zu", is_array ? "array" : "string", n);
  check(arc_strnlen(s, n) == libc_strnlen(s, n), "strnlen", detail);
  release(s);
}

static void test_strcpy(void) {
  size_t len = below(17), extra = below(3);
  char *src = rand_str(len), *src0 = clone(src, len + 1);
  char *d1 = tracked(len + 1 + extra), *d2;
  fill_chars(d1, len + 1 + extra);
  d2 = clone(d1, len + 1 + extra);
  check(arc_strcpy(d1, src) == d1 && libc_strcpy(d2, src) == d2 &&
            bytes_equal(d1, d2, len + 1 + extra) && bytes_equal(src, src0, len + 1),
        "strcpy", "separate blocks");
  release(src), release(src0), release(d1), release(d2);
}

static void test_strncpy(void) {
  size_t n = below(21), extra = below(2);
  int is_array;
  char *src = rand_str_or_array(n, &is_array);
  char *d1 = tracked(n + extra), *d2;
  fill_chars(d1, n + extra);
  d2 = clone(d1, n + extra);
  snprintf(detail, sizeof detail, "%s source, n %zu", is_array ? "array" : "string", n);
  check(arc_strncpy(d1, src, n) == d1 && libc_strncpy(d2, src, n) == d2 &&
            bytes_equal(d1, d2, n + extra),
        "strncpy", detail);
  release(src), release(d1), release(d2);
}

static void test_strcat(void) {
  size_t dl = below(12), sl = below(12), extra = below(3), size = dl + sl + 1 + extra;
  char *src = rand_str(sl), *d1 = tracked(size), *d2;
  fill_chars(d1, size);
  d1[dl] = 0;
  d2 = clone(d1, size);
  check(arc_strcat(d1, src) == d1 && libc_strcat(d2, src) == d2 && bytes_equal(d1, d2, size),
        "strcat", "separate blocks");
  release(src), release(d1), release(d2);
}

static void test_strncat(void) {
  size_t n = below(21), dl = below(12), extra = below(2), k, size;
  int is_array;
  char *src = rand_str_or_array(n, &is_array), *d1, *d2;
  for (k = 0; k < n && src[k]; k++) continue;
  size = dl + k + 1 + extra;
  d1 = tracked(size);
  fill_chars(d1, size);
  d1[dl] = 0;
  d2 = clone(d1, size);
  snprintf(detail, sizeof detail, "%s source, n %zu", is_array ? "array" : "string", n);
  check(arc_strncat(d1, src, n) == d1 && libc_strncat(d2, src, n) == d2 &&
            bytes_equal(d1, d2, size),
        "strncat", detail);
  release(src), release(d1), release(d2);
}

static void test_strcmp(void) {
  char *a = rand_str(below(17)), *b = rand_str_like(below(17), a);
  snprintf(detail, sizeof detail, "lengths %zu and %zu", strlen(a), strlen(b));
  check(sign(arc_strcmp(a, b)) == sign(libc_strcmp(a, b)) &&
            sign(arc_strcmp(b, a)) == sign(libc_strcmp(b, a)) &&
            arc_strcmp(a, a) == 0,
        "strcmp", detail);
  release(a), release(b);
}

static void test_strncmp(void) {
  size_t n = below(21);
  int a_array, b_array;
  char *a = rand_str_or_array(n, &a_array), *b;
  if (below(3) == 0) {
    b_array = 1;
    b = tracked(n);
    fill_like(b, n, a, a_array ? n : strlen(a));
  } else {
    size_t len = below(17);
    b_array = 0;
    b = tracked(len + 1);
    fill_like(b, len, a, a_array ? (n < len ? n : len) : strlen(a));
    b[len] = 0;
  }
  snprintf(detail, sizeof detail, "%s vs %s, n %zu", a_array ? "array" : "string",
           b_array ? "array" : "string", n);
  check(sign(arc_strncmp(a, b, n)) == sign(libc_strncmp(a, b, n)) &&
            sign(arc_strncmp(b, a, n)) == sign(libc_strncmp(b, a, n)),
        "strncmp", detail);
  release(a), release(b);
}

static void test_strchr(void) {
  char *s = rand_str(below(17));
  int c = rand_c();
  snprintf(detail, sizeof detail, "c %d", c);
  check(arc_strchr(s, c) == libc_strchr(s, c), "strchr", detail);
  check(arc_strrchr(s, c) == libc_strrchr(s, c), "strrchr", detail);
  release(s);
}

static void test_strstr(void) {
  size_t hl = below(17), nl, i;
  char *h = tracked(hl + 1), *needle;
  for (i = 0; i < hl; i++) h[i] = below(3) ? 'a' : 'b';
  h[hl] = 0;
  if (below(2) && hl) { /* a piece of the haystack, sometimes changed */
    size_t at = below(hl);
    nl = below(hl - at + 1);
    needle = clone(h + at, nl + 1);
    needle[nl] = 0;
    if (nl && below(3) == 0) needle[below(nl)] ^= 'a' ^ 'b';
  } else {
    nl = below(5);
    needle = tracked(nl + 1);
    for (i = 0; i < nl; i++) needle[i] = below(2) ? 'a' : 'b';
    needle[nl] = 0;
  }
  snprintf(detail, sizeof detail, "\"%s\" in \"%s\"", needle, h);
  check(arc_strstr(h, needle) == libc_strstr(h, needle), "strstr", detail);
  release(h), release(needle);
}

static void test_strspn(void) {
  char *s = rand_str(below(17)), *set = rand_str(below(5));
  snprintf(detail, sizeof detail, "set of %zu", strlen(set));
  check(arc_strspn(s, set) == libc_strspn(s, set), "strspn", detail);
  check(arc_strcspn(s, set) == libc_strcspn(s, set), "strcspn", detail);
  release(s), release(set);
}

static void test_strdup(void) {
  size_t len = below(17);
  char *s = rand_str(len), *d1, *d2;
  d1 = arc_strdup(s);
  d2 = libc_strdup(s);
  check(d1 != NULL && d1 != s && d2 != NULL && strcmp(d1, d2) == 0 && strlen(d1) == len, "strdup",
        "copy differs");
  free(d1), free(d2);
  fail_next_malloc = 1;
  check(arc_strdup(s) == NULL, "strdup", "malloc failing: the result is not NULL");
  fail_next_malloc = 0;
  release(s);
}

static long long rand_wide(void) {
  switch (below(3)) {
  case 0: return (long long)below(41) - 20;
  case 1: return (long long)(int32_t)next();
  default: return (long long)next();
  }
}

static void test_abs(void) {
  long long v = rand_wide();
  int i = (int)(int32_t)v;
  long l = (long)v;
  if (i != INT_MIN) check(arc_abs(i) == libc_abs(i), "abs", "result differs");
  if (l != LONG_MIN) check(arc_labs(l) == libc_labs(l), "labs", "result differs");
  if (v != LLONG_MIN) check(arc_llabs(v) == libc_llabs(v), "llabs", "result differs");
}

/* Every argument the <ctype.h> functions accept, and some they do not. */
static void test_ctype(void) {
  static const int outside[] = {-2, -128, 256, 1000, INT_MIN, INT_MAX};
  int f, c;
  size_t i;
  for (f = 0; f < CTYPE_COUNT; f++) {
    int value = f >= 11; /* toupper, tolower: the value; the rest: true or false */
    for (c = -1; c <= 255; c++) {
      int m = arc_ctype[f](c), g = libc_ctype[f](c);
      snprintf(detail, sizeof detail, "argument %d: model %d, libc %d", c, m, g);
      check(value ? m == g : !m == !g, ctype_names[f], detail);
    }
    for (i = 0; i < sizeof outside / sizeof outside[0]; i++) {
      call.fn = F_CTYPE, call.which = f, call.v = outside[i];
      snprintf(detail, sizeof detail, "argument %d is not rejected", outside[i]);
      check(asserts(), ctype_names[f], detail);
    }
  }
}

/* ------------------------------------------------- undefined behaviour the models assert */
static int ranges_overlap(size_t a, size_t na, size_t b, size_t nb) {
  return na && nb && a < b + nb && b < a + na;
}

/* Copies within one block: asserted when the regions overlap, else as glibc. */
static void test_overlap(void) {
  size_t size = 1 + below(24), i;
  unsigned char *buf = tracked(size), *ref;
  enum fn fns[] = {F_MEMCPY, F_STRCPY, F_STRNCPY, F_STRCAT, F_STRNCAT};
  static const char *const names[] = {"memcpy", "strcpy", "strncpy", "strcat", "strncat"};
  int which = (int)below(5), expect = 0;
  size_t a, b, n = 0, sl, dl = 0, k, read = 0;
  for (i = 0; i < size; i++) buf[i] = below(4) ? (unsigned char)rand_char() : 0;
  buf[size - 1] = 0; /* every suffix is a string */
  a = below(size), b = below(size);
  sl = strlen((char *)buf + b);
  switch (fns[which]) {
  case F_MEMCPY:
    n = below(size + 1);
    a = below(size - n + 1), b = below(size - n + 1);
    expect = ranges_overlap(a, n, b, n);
    break;
  case F_STRCPY:
    if (a + sl + 1 > size) goto skip;
    expect = ranges_overlap(a, sl + 1, b, sl + 1);
    break;
  case F_STRNCPY:
    n = below(size - a + 1);
    for (k = 0; k < n && buf[b + k]; k++) continue;
    read = k < n ? k + 1 : n;
    expect = ranges_overlap(a, n, b, read);
    break;
  case F_STRCAT:
    dl = strlen((char *)buf + a);
    if (a + dl + sl + 1 > size) goto skip;
    expect = ranges_overlap(a, dl + sl + 1, b, sl + 1);
    break;
  default: /* F_STRNCAT */
    dl = strlen((char *)buf + a);
    n = below(size + 1);
    for (k = 0; k < n && buf[b + k]; k++) continue;
    read = k < n ? k + 1 : n;
    if (a + dl + k + 1 > size) goto skip;
    expect = ranges_overlap(a, dl + k + 1, b, read);
    break;
  }
  ref = clone(buf, size);
  call.fn = fns[which], call.d = buf + a, call.s = buf + b, call.n = n;
  snprintf(detail, sizeof detail, "one block of %zu, dest +%zu, src +%zu, n %zu: %s", size, a, b,
           n, expect ? "overlapping, not asserted" : "disjoint, asserted");
  if (asserts() != expect) {
    check(0, names[which], detail);
  } else if (expect) {
    check(last_assertion && strstr(last_assertion, "overlap"), names[which], "wrong assertion");
  } else {
    char *d = (char *)ref + a, *s = (char *)ref + b;
    switch (fns[which]) {
    case F_MEMCPY: libc_memcpy(d, s, n); break;
    case F_STRCPY: libc_strcpy(d, s); break;
    case F_STRNCPY: libc_strncpy(d, s, n); break;
    case F_STRCAT: libc_strcat(d, s); break;
    default: {
      /* ASan's strncat counts the copied null character twice when it checks
       * for overlap, so disjoint regions one byte apart would be reported:
       * glibc copies from a copy of the source (the regions being disjoint,
       * the result is the same). */
      char *copy = clone(s, read);
      libc_strncat(d, copy, n);
      release(copy);
      break;
    }
    }
    snprintf(detail, sizeof detail, "one block of %zu, dest +%zu, src +%zu, n %zu: result differs",
             size, a, b, n);
    check(call_ptr == buf + a && bytes_equal(buf, ref, size), names[which], detail);
  }
  release(ref);
skip:
  release(buf);
}

/* Null pointers with a length of 0, and abs of the most negative value. */
static void test_asserted_arguments(void) {
  unsigned char *p = tracked(1);
  static const struct {
    enum fn fn;
    const char *name;
  } with_n[] = {
      {F_MEMCPY, "memcpy"}, {F_MEMMOVE, "memmove"}, {F_MEMCMP, "memcmp"}, {F_STRNCPY, "strncpy"},
      {F_STRNCMP, "strncmp"}, {F_MEMSET, "memset"}, {F_MEMCHR, "memchr"}, {F_STRNLEN, "strnlen"},
      {F_STRNCAT, "strncat"},
  };
  size_t i;
  int side;
  p[0] = 0;
  for (i = 0; i < sizeof with_n / sizeof with_n[0]; i++) {
    for (side = 0; side < 3; side++) { /* side 0: both valid; 1: null dest; 2: null source */
      enum fn fn = with_n[i].fn;
      int uses_d = fn != F_MEMCHR && fn != F_STRNLEN, uses_s = fn != F_MEMSET;
      int expect;
      if ((side == 1 && !uses_d) || (side == 2 && !uses_s)) continue;
      /* strncat reads its destination string whatever n is: its null destination is a read */
      if (side == 1 && fn == F_STRNCAT) continue;
      call.fn = fn, call.n = 0, call.v = 'a';
      call.d = side == 1 ? NULL : p;
      call.s = side == 2 ? NULL : p;
      expect = side != 0;
      snprintf(detail, sizeof detail, "n 0, %s: %s",
               side == 0 ? "valid pointers" : side == 1 ? "null destination" : "null source",
               expect ? "not asserted" : "asserted");
      check(asserts() == expect, with_n[i].name, detail);
    }
  }
  call.fn = F_ABS, call.v = INT_MIN;
  check(asserts(), "abs", "abs(INT_MIN) is not rejected");
  call.fn = F_LABS, call.v = LONG_MIN;
  check(asserts(), "labs", "labs(LONG_MIN) is not rejected");
  call.fn = F_LLABS, call.v = LLONG_MIN;
  check(asserts(), "llabs", "llabs(LLONG_MIN) is not rejected");
  call.fn = F_ABS, call.v = INT_MIN + 1;
  check(!asserts() && call_int == INT_MAX, "abs", "abs(INT_MIN + 1)");
  call.fn = F_LABS, call.v = LONG_MIN + 1;
  check(!asserts() && call_int == LONG_MAX, "labs", "labs(LONG_MIN + 1)");
  call.fn = F_LLABS, call.v = LLONG_MIN + 1;
  check(!asserts() && call_int == LLONG_MAX, "llabs", "llabs(LLONG_MIN + 1)");
  release(p);
}

/* ------------------------------------------------- reads the standard requires */
/* Where the standard requires more memory to be valid than the real function
 * needs to look at (a string argument to its null character, memcmp's n bytes
 * after a difference), the model reads all of it, so that arc reports the
 * call that breaks the requirement. Each case below breaks it by one byte: the
 * model, run in a child process, must die of an AddressSanitizer report. */
static char *ga, *gb;
static volatile long long sink; /* keeps the pure models' calls */
static void req_memcmp(void) { sink = (long long)arc_memcmp(ga, gb, 4); }
static void req_strcmp(void) { sink = (long long)arc_strcmp(ga, gb); }
static void req_strncmp(void) { sink = (long long)arc_strncmp(ga, gb, 5); }
static void req_strchr(void) { sink = (long long)(uintptr_t)arc_strchr(gb, 'x'); }
static void req_strrchr(void) { sink = (long long)(uintptr_t)arc_strrchr(gb, 'y'); }
static void req_strstr_haystack(void) { sink = (long long)(uintptr_t)arc_strstr(gb, "x"); }
static void req_strstr_needle(void) { sink = (long long)(uintptr_t)arc_strstr(ga, gb); }
static void req_strspn(void) { sink = (long long)arc_strspn(gb, ga); }
static void req_strcspn(void) { sink = (long long)arc_strcspn(gb, "x"); }
static void req_strspn_set(void) { sink = (long long)arc_strspn(ga, gb); }

static int dies(void (*run)(void)) {
  int status;
  pid_t pid;
  fflush(NULL);
  pid = fork();
  if (pid < 0) {
    perror("harness: fork");
    exit(2);
  }
  if (pid == 0) {
    int null = open("/dev/null", O_WRONLY);
    if (null >= 0) dup2(null, 2); /* the expected report is not shown */
    run();
    _exit(0);
  }
  if (waitpid(pid, &status, 0) != pid) {
    perror("harness: waitpid");
    exit(2);
  }
  return !(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

static void test_required_reads(void) {
  static const struct {
    const char *fn, *what;
    const char *a;
    size_t a_size;
    const char *b;
    size_t b_size;
    void (*run)(void);
  } cases[] = {
      {"memcmp", "memcmp(a, b, 4) with b 3 bytes, differing at byte 0", "xyzw", 4, "abc", 3,
       req_memcmp},
      {"strcmp", "strcmp(\"x\", b) with b not null-terminated, differing at 0", "x", 2, "yz", 2,
       req_strcmp},
      {"strncmp", "strncmp(\"ab\", b, 5) with b 2 bytes, differing at 0", "ab", 3, "xy", 2,
       req_strncmp},
      {"strchr", "strchr(s, 'x') with s not null-terminated, 'x' at 0", "", 1, "xy", 2,
       req_strchr},
      {"strrchr", "strrchr(s, 'y') with s not null-terminated", "", 1, "xy", 2, req_strrchr},
      {"strstr", "strstr(h, \"x\") with h not null-terminated, \"x\" at 0", "", 1, "xy", 2,
       req_strstr_haystack},
      {"strstr", "strstr(\"\", n) with n not null-terminated", "", 1, "xy", 2,
       req_strstr_needle},
      {"strspn", "strspn(s, \"a\") with s not null-terminated, s[0] not in the set", "a", 2, "xy",
       2, req_strspn},
      {"strspn", "strspn(\"\", set) with set not null-terminated", "", 1, "xy", 2,
       req_strspn_set},
      {"strcspn", "strcspn(s, \"x\") with s not null-terminated, s[0] in the set", "", 1, "xy",
       2, req_strcspn},
  };
  size_t i;
  for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    ga = clone(cases[i].a, cases[i].a_size);
    gb = clone(cases[i].b, cases[i].b_size);
    snprintf(detail, sizeof detail, "%s: no memory error reported", cases[i].what);
    check(dies(cases[i].run), cases[i].fn, detail);
    release(ga), release(gb);
  }
  /* And where the standard lets the function stop early, the model stops:
   * (these run in this process; a read too many is an ASan report here) */
  ga = clone("ab", 2);
  check(arc_memchr(ga, 'a', 10) == ga, "memchr", "memchr stops at the match");
  check(arc_strnlen(ga, 2) == 2, "strnlen", "strnlen reads at most maxlen bytes");
  gb = clone("ab", 3);
  check(arc_strncmp(ga, gb, 2) == 0, "strncmp", "strncmp reads at most n bytes");
  release(gb);
  gb = clone("a", 2); /* its null character ends the comparison before ga's end */
  check(arc_strncmp(gb, ga, 9) < 0 && arc_strncmp(ga, gb, 9) > 0, "strncmp",
        "strncmp stops at either string's null character");
  release(ga), release(gb);
}

int main(int argc, char **argv) {
  unsigned long iterations = argc > 1 ? strtoul(argv[1], NULL, 10) : 20000, it;
  int i;
  unsigned long cases = 0;
  for (it = 0; it < iterations; it++) {
    test_memcpy();
    test_memmove();
    test_memset();
    test_memcmp();
    test_memchr();
    test_strlen();
    test_strnlen();
    test_strcpy();
    test_strncpy();
    test_strcat();
    test_strncat();
    test_strcmp();
    test_strncmp();
    test_strchr();
    test_strstr();
    test_strspn();
    test_strdup();
    test_abs();
    test_overlap();
  }
  test_ctype();
  test_asserted_arguments();
  test_required_reads();
  for (i = 0; i < MAX_BLOCKS; i++)
    if (blocks[i].base) {
      fprintf(stderr, "harness: a tracked block was not released\n");
      return 2;
    }
  printf("%-9s %9s %s\n", "function", "cases", "mismatches");
  for (i = 0; i < stat_count; i++) {
    printf("%-9s %9lu %lu\n", stats[i].name, stats[i].cases, stats[i].failures);
    cases += stats[i].cases;
  }
  printf("%lu cases over %d functions (seed fixed, %lu iterations): %lu mismatches\n", cases,
         stat_count, iterations, total_failures);
  return total_failures ? 1 : 0;
}
