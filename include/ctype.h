/* arc's <ctype.h>: the functions themselves, not glibc's macros over its
   locale tables (`(*__ctype_b_loc())[c] & _ISalnum`), so that a call reaches
   arc's model of the function (src/frontends/c/models/libc.c, "C" locale). */
#ifndef ARC_CTYPE_H
#define ARC_CTYPE_H
int isalnum(int c);
int isalpha(int c);
int isblank(int c);
int iscntrl(int c);
int isdigit(int c);
int isgraph(int c);
int islower(int c);
int isprint(int c);
int ispunct(int c);
int isspace(int c);
int isupper(int c);
int isxdigit(int c);
int tolower(int c);
int toupper(int c);
#endif
