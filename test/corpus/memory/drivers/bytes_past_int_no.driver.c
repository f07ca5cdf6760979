#include "harness.h"
int f(int v);
static void scenario(int k) { (void)k; f(0); }
