#include "harness.h"
int f(int w);
static void scenario(int k) { (void)k; f(1); }
