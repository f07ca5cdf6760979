#include "harness.h"
int bucket(int h);
static void scenario(int k) { (void)k; bucket(-1); }
