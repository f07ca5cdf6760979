#include "harness.h"
int f(int n);
static void scenario(int k) { (void)k; f(9); }
