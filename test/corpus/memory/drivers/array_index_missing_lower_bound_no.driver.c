#include "harness.h"
int f(int i);
static void scenario(int k) { (void)k; f(-1); }
