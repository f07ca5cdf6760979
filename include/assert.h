/* arc's <assert.h>: assert(e) becomes a call the C front-end recognises as an
   assertion property (instead of glibc's __assert_fail expansion).
   Like the standard header, it may be included repeatedly and respects NDEBUG. */
#undef assert
#ifdef NDEBUG
#define assert(e) ((void)0)
#else
#define assert(e) __arc_assert(e)
#endif
void __arc_assert(int);
