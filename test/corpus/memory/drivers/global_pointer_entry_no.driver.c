#include "harness.h"
extern int *cursor;
int f(void);
static void scenario(int k) { (void)k; cursor = NULL; f(); }
