#include "harness.h"
int f(int k);
static void scenario(int k) { (void)k; f(5); }
