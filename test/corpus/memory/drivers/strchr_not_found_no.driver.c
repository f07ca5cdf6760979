#include "harness.h"
int f(char sep);
static void scenario(int k) { (void)k; f('#'); }
