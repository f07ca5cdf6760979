#include "harness.h"
int dispatch(int sig);
static void scenario(int k) { (void)k; dispatch(2); }
