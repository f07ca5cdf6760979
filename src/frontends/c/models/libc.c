/*
 * arc's models of C standard library functions (<string.h>, <stdlib.h>'s abs,
 * <ctype.h> in the "C" locale, and POSIX's strnlen and strdup).
 *
 * arc's C front-end reads these definitions and inlines them where a verified
 * program calls the function, checking memory safety on every access. Each
 * model therefore touches memory exactly as the C standard allows the real
 * function to:
 *  - an argument the standard calls a string must be a whole null-terminated
 *    string, so the model reads all of it (strlen), even where the real
 *    function could stop early (strchr, strcmp, strspn, strstr, ...);
 *  - an argument the standard calls an array of n characters (memcmp, memcpy,
 *    memset, ...) is read or written in full;
 *  - where the standard says the function stops (memchr at the first match;
 *    strnlen, strncmp, strncpy and strncat at a null character or after n
 *    characters), the model stops at the same place and reads nothing after.
 * Undefined behaviour that no memory access would reveal (overlapping copies,
 * null pointers passed with a length of 0, a <ctype.h> argument that is
 * neither EOF nor an unsigned char value, abs of the most negative value) is
 * checked with __arc_assert, and so are the regions the mem* functions take
 * whole (__arc_r_ok, __arc_w_ok: as CBMC's library checks them; the accesses
 * that follow check them again as valid-deref).
 *
 * Written in the subset arc's front-end reads: integer types, size_t,
 * pointers and const; no headers, macros, structs, floating point, globals,
 * static locals, recursion, function pointers or goto. size_t, malloc and the
 * __arc_* builtins are provided by arc. Assumes 8-bit chars, ASCII and EOF == -1.
 * test/frontends/c/models/run.sh checks every model against the C library.
 */

/* reads nothing, writes nothing: whether [a, a + na) and [b, b + nb) share a byte */
static int __arc_ranges_overlap(const void *a, size_t na, const void *b, size_t nb) {
  unsigned long oa;
  unsigned long ob;
  if (na == 0 || nb == 0) return 0;
  if (!__arc_same_object(a, b)) return 0;
  oa = __arc_offset(a);
  ob = __arc_offset(b);
  if (oa >= ob) return oa - ob < nb;
  return ob - oa < na;
}

/* reads nothing, writes nothing: whether [a, a + n) and [b, b + n) share a byte */
static int __arc_overlap(const void *a, const void *b, size_t n) {
  return __arc_ranges_overlap(a, n, b, n);
}

/* ------------------------------------------------------------ <string.h> */

/* reads s[0..strlen(s)], writes nothing */
size_t strlen(const char *s) {
  size_t i = 0;
  while (s[i] != 0) i++;
  return i;
}

/* reads s[0..n-1] up to and including its first null character, writes nothing */
size_t strnlen(const char *s, size_t maxlen) {
  size_t i = 0;
  __arc_assert(maxlen != 0 || s != 0, "strnlen's argument is not a null pointer");
  while (i < maxlen && s[i] != 0) i++;
  return i;
}

/* reads src[0..n-1], writes dest[0..n-1] */
void *memcpy(void *dest, const void *src, size_t n) {
  unsigned char *d = (unsigned char *)dest;
  const unsigned char *s = (const unsigned char *)src;
  size_t i;
  __arc_assert(n != 0 || (dest != 0 && src != 0),
               "memcpy's pointers are not null pointers, even when n is 0");
  __arc_assert(__arc_w_ok(dest, n) && __arc_r_ok(src, n),
               "memcpy's destination and source are n bytes of live objects");
  __arc_assert(!__arc_overlap(dest, src, n), "memcpy's source and destination do not overlap");
  for (i = 0; i < n; i++) d[i] = s[i];
  return dest;
}

/* reads src[0..n-1], writes dest[0..n-1] (regions may overlap) */
void *memmove(void *dest, const void *src, size_t n) {
  unsigned char *d = (unsigned char *)dest;
  const unsigned char *s = (const unsigned char *)src;
  size_t i;
  __arc_assert(n != 0 || (dest != 0 && src != 0),
               "memmove's pointers are not null pointers, even when n is 0");
  __arc_assert(__arc_w_ok(dest, n) && __arc_r_ok(src, n),
               "memmove's destination and source are n bytes of live objects");
  if (n != 0 && __arc_same_object(dest, src) && __arc_offset(dest) > __arc_offset(src)) {
    /* dest is after src in one object: copy backwards so src is read before it is overwritten */
    for (i = n; i > 0; i--) d[i - 1] = s[i - 1];
  } else {
    for (i = 0; i < n; i++) d[i] = s[i];
  }
  return dest;
}

/* reads nothing, writes s[0..n-1] */
void *memset(void *s, int c, size_t n) {
  unsigned char *p = (unsigned char *)s;
  unsigned char v = (unsigned char)c;
  size_t i;
  __arc_assert(n != 0 || s != 0, "memset's pointer is not a null pointer, even when n is 0");
  __arc_assert(__arc_w_ok(s, n), "memset's destination is n writable bytes of a live object");
  for (i = 0; i < n; i++) p[i] = v;
  return s;
}

/* reads s1[0..n-1] and s2[0..n-1] (all n bytes, also after a difference), writes nothing */
int memcmp(const void *s1, const void *s2, size_t n) {
  const unsigned char *a = (const unsigned char *)s1;
  const unsigned char *b = (const unsigned char *)s2;
  size_t i;
  int r = 0;
  unsigned char x;
  unsigned char y;
  __arc_assert(n != 0 || (s1 != 0 && s2 != 0),
               "memcmp's pointers are not null pointers, even when n is 0");
  __arc_assert(__arc_r_ok(s1, n) && __arc_r_ok(s2, n),
               "memcmp's arrays are n bytes of live objects");
  for (i = 0; i < n; i++) {
    x = a[i];
    y = b[i];
    if (r == 0 && x != y) r = (int)x - (int)y;
  }
  return r;
}

/* reads s[0..k], k < n the first index holding (unsigned char)c (else n-1), writes nothing */
void *memchr(const void *s, int c, size_t n) {
  const unsigned char *p = (const unsigned char *)s;
  unsigned char v = (unsigned char)c;
  size_t i;
  __arc_assert(n != 0 || s != 0, "memchr's pointer is not a null pointer, even when n is 0");
  for (i = 0; i < n; i++) {
    if (p[i] == v) return (void *)(p + i);
  }
  return 0;
}

/* reads src[0..strlen(src)], writes dest[0..strlen(src)] */
char *strcpy(char *dest, const char *src) {
  size_t len = strlen(src);
  size_t i;
  __arc_assert(!__arc_overlap(dest, src, len + 1),
               "strcpy's source and destination do not overlap");
  for (i = 0; i <= len; i++) dest[i] = src[i];
  return dest;
}

/* reads src[0..n-1] up to and including its first null character, writes dest[0..n-1] */
char *strncpy(char *dest, const char *src, size_t n) {
  size_t k = 0;
  size_t read;
  size_t i;
  __arc_assert(n != 0 || (dest != 0 && src != 0),
               "strncpy's pointers are not null pointers, even when n is 0");
  while (k < n && src[k] != 0) k++;
  read = k;
  if (k < n) read = k + 1;
  __arc_assert(!__arc_ranges_overlap(dest, n, src, read),
               "strncpy's source and destination do not overlap");
  for (i = 0; i < k; i++) dest[i] = src[i];
  for (i = k; i < n; i++) dest[i] = 0;
  return dest;
}

/* reads dest[0..dl] and src[0..sl], writes dest[dl..dl+sl] (dl, sl: their strlen) */
char *strcat(char *dest, const char *src) {
  size_t dl = strlen(dest);
  size_t sl = strlen(src);
  size_t i;
  /* the destination array (its string included) against the source string */
  __arc_assert(!__arc_ranges_overlap(dest, dl + sl + 1, src, sl + 1),
               "strcat's source and destination do not overlap");
  for (i = 0; i <= sl; i++) dest[dl + i] = src[i];
  return dest;
}

/* reads dest[0..dl] and src[0..n-1] up to a null character, writes dest[dl..dl+k] (k appended) */
char *strncat(char *dest, const char *src, size_t n) {
  size_t dl = strlen(dest);
  size_t k = 0;
  size_t read;
  size_t i;
  __arc_assert(n != 0 || src != 0, "strncat's source is not a null pointer, even when n is 0");
  while (k < n && src[k] != 0) k++;
  read = k;
  if (k < n) read = k + 1;
  /* the destination array (its string included) against the source bytes read */
  __arc_assert(!__arc_ranges_overlap(dest, dl + k + 1, src, read),
               "strncat's source and destination do not overlap");
  for (i = 0; i < k; i++) dest[dl + i] = src[i];
  dest[dl + k] = 0;
  return dest;
}

/* reads s1[0..strlen(s1)] and s2[0..strlen(s2)], writes nothing */
int strcmp(const char *s1, const char *s2) {
  const unsigned char *a = (const unsigned char *)s1;
  const unsigned char *b = (const unsigned char *)s2;
  size_t l1 = strlen(s1);
  size_t l2 = strlen(s2);
  size_t i;
  for (i = 0; i < l1 && i < l2; i++) {
    if (a[i] != b[i]) return (int)a[i] - (int)b[i];
  }
  /* one string ends at i: its null character decides */
  return (int)a[i] - (int)b[i];
}

/* reads s1[0..k] and s2[0..k], k < n the first index where either is null (else n-1) */
int strncmp(const char *s1, const char *s2, size_t n) {
  const unsigned char *a = (const unsigned char *)s1;
  const unsigned char *b = (const unsigned char *)s2;
  size_t i;
  int r = 0;
  unsigned char x;
  unsigned char y;
  __arc_assert(n != 0 || (s1 != 0 && s2 != 0),
               "strncmp's pointers are not null pointers, even when n is 0");
  for (i = 0; i < n; i++) {
    x = a[i];
    y = b[i];
    if (r == 0 && x != y) r = (int)x - (int)y;
    if (x == 0 || y == 0) return r;
  }
  return r;
}

/* reads s[0..strlen(s)], writes nothing */
char *strchr(const char *s, int c) {
  size_t len = strlen(s);
  unsigned char v = (unsigned char)c;
  size_t i;
  for (i = 0; i <= len; i++) {
    if ((unsigned char)s[i] == v) return (char *)(s + i);
  }
  return 0;
}

/* reads s[0..strlen(s)], writes nothing */
char *strrchr(const char *s, int c) {
  size_t len = strlen(s);
  unsigned char v = (unsigned char)c;
  size_t i;
  for (i = len + 1; i > 0; i--) {
    if ((unsigned char)s[i - 1] == v) return (char *)(s + (i - 1));
  }
  return 0;
}

/* reads haystack[0..strlen(haystack)] and needle[0..strlen(needle)], writes nothing */
char *strstr(const char *haystack, const char *needle) {
  size_t hl = strlen(haystack);
  size_t nl = strlen(needle);
  size_t i;
  size_t j;
  int match;
  if (nl > hl) return 0;
  for (i = 0; i <= hl - nl; i++) {
    match = 1;
    for (j = 0; j < nl; j++) {
      if (haystack[i + j] != needle[j]) match = 0;
    }
    if (match) return (char *)(haystack + i);
  }
  return 0;
}

/* reads s[0..strlen(s)] and accept[0..strlen(accept)], writes nothing */
size_t strspn(const char *s, const char *accept) {
  size_t sl = strlen(s);
  size_t al = strlen(accept);
  size_t i;
  size_t j;
  int found;
  for (i = 0; i < sl; i++) {
    found = 0;
    for (j = 0; j < al; j++) {
      if (s[i] == accept[j]) found = 1;
    }
    if (!found) return i;
  }
  return sl;
}

/* reads s[0..strlen(s)] and reject[0..strlen(reject)], writes nothing */
size_t strcspn(const char *s, const char *reject) {
  size_t sl = strlen(s);
  size_t rl = strlen(reject);
  size_t i;
  size_t j;
  for (i = 0; i < sl; i++) {
    for (j = 0; j < rl; j++) {
      if (s[i] == reject[j]) return i;
    }
  }
  return sl;
}

/* reads s[0..strlen(s)], writes the new object's strlen(s) + 1 bytes (null when malloc fails) */
char *strdup(const char *s) {
  size_t len = strlen(s);
  char *p = (char *)malloc(len + 1);
  size_t i;
  if (p == 0) return 0;
  for (i = 0; i <= len; i++) p[i] = s[i];
  return p;
}

/* ------------------------------------------------------------ <stdlib.h> */

/* reads nothing, writes nothing */
int abs(int j) {
  __arc_assert(j != -(int)(~0U >> 1) - 1,
               "abs's argument is not INT_MIN (its result is not representable)");
  if (j < 0) return -j;
  return j;
}

/* reads nothing, writes nothing */
long labs(long j) {
  __arc_assert(j != -(long)(~0UL >> 1) - 1,
               "labs's argument is not LONG_MIN (its result is not representable)");
  if (j < 0) return -j;
  return j;
}

/* reads nothing, writes nothing */
long long llabs(long long j) {
  __arc_assert(j != -(long long)(~0ULL >> 1) - 1,
               "llabs's argument is not LLONG_MIN (its result is not representable)");
  if (j < 0) return -j;
  return j;
}

/* ------------------------------------------------------------- <ctype.h> */
/* The "C" locale; each argument must be EOF (-1) or an unsigned char value (0..255). */

/* reads nothing, writes nothing */
int isdigit(int c) {
  __arc_assert(c == -1 || (c >= 0 && c <= 255),
               "isdigit's argument is EOF or an unsigned char value");
  return c >= '0' && c <= '9';
}

/* reads nothing, writes nothing */
int isupper(int c) {
  __arc_assert(c == -1 || (c >= 0 && c <= 255),
               "isupper's argument is EOF or an unsigned char value");
  return c >= 'A' && c <= 'Z';
}

/* reads nothing, writes nothing */
int islower(int c) {
  __arc_assert(c == -1 || (c >= 0 && c <= 255),
               "islower's argument is EOF or an unsigned char value");
  return c >= 'a' && c <= 'z';
}

/* reads nothing, writes nothing */
int isalpha(int c) {
  __arc_assert(c == -1 || (c >= 0 && c <= 255),
               "isalpha's argument is EOF or an unsigned char value");
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* reads nothing, writes nothing */
int isalnum(int c) {
  __arc_assert(c == -1 || (c >= 0 && c <= 255),
               "isalnum's argument is EOF or an unsigned char value");
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* reads nothing, writes nothing */
int isxdigit(int c) {
  __arc_assert(c == -1 || (c >= 0 && c <= 255),
               "isxdigit's argument is EOF or an unsigned char value");
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
}

/* reads nothing, writes nothing: space, \t, \n, \v, \f and \r */
int isspace(int c) {
  __arc_assert(c == -1 || (c >= 0 && c <= 255),
               "isspace's argument is EOF or an unsigned char value");
  return c == ' ' || (c >= 9 && c <= 13);
}

/* reads nothing, writes nothing: 0x20 (space) to 0x7e (~) */
int isprint(int c) {
  __arc_assert(c == -1 || (c >= 0 && c <= 255),
               "isprint's argument is EOF or an unsigned char value");
  return c >= 32 && c <= 126;
}

/* reads nothing, writes nothing: 0x21 (!) to 0x7e (~) */
int isgraph(int c) {
  __arc_assert(c == -1 || (c >= 0 && c <= 255),
               "isgraph's argument is EOF or an unsigned char value");
  return c >= 33 && c <= 126;
}

/* reads nothing, writes nothing: isgraph but not isalnum */
int ispunct(int c) {
  __arc_assert(c == -1 || (c >= 0 && c <= 255),
               "ispunct's argument is EOF or an unsigned char value");
  return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) ||
         (c >= 123 && c <= 126);
}

/* reads nothing, writes nothing: space and \t */
int isblank(int c) {
  __arc_assert(c == -1 || (c >= 0 && c <= 255),
               "isblank's argument is EOF or an unsigned char value");
  return c == ' ' || c == 9;
}

/* reads nothing, writes nothing: 0x00 to 0x1f and 0x7f */
int iscntrl(int c) {
  __arc_assert(c == -1 || (c >= 0 && c <= 255),
               "iscntrl's argument is EOF or an unsigned char value");
  return (c >= 0 && c <= 31) || c == 127;
}

/* reads nothing, writes nothing */
int toupper(int c) {
  __arc_assert(c == -1 || (c >= 0 && c <= 255),
               "toupper's argument is EOF or an unsigned char value");
  if (c >= 'a' && c <= 'z') return c - 'a' + 'A';
  return c;
}

/* reads nothing, writes nothing */
int tolower(int c) {
  __arc_assert(c == -1 || (c >= 0 && c <= 255),
               "tolower's argument is EOF or an unsigned char value");
  if (c >= 'A' && c <= 'Z') return c - 'A' + 'a';
  return c;
}
