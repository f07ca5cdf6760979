#include "harness.h"
extern int pos;
int f(void);
static void scenario(int k) { (void)k; pos = 4; f(); }
