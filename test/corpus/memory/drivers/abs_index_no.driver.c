#include "harness.h"
int f(int d);
static void scenario(int k) { (void)k; f(-5); }
