// expect: yes
// args: --function main --property memory-safety --property assertions --data-model ILP32
// note: the second loop overwrites every element the first one set, so every element is 43 at the end, and b[k] = a[k] + k is 43 + k. Each loop head needs a fact about the contents for every index K: below the counter the new value, from the counter on the old one.
#include <assert.h>

int main(void) {
  int a[5000];
  int b[5000];
  for (int i = 0; i < 5000; i++)
    a[i] = 42;
  for (int i = 0; i < 5000; i++)
    a[i] = 43;
  for (int k = 0; k < 5000; k++)
    b[k] = a[k] + k;
  for (int x = 0; x < 5000; x++)
    assert(b[x] == 43 + x);
  return 0;
}
