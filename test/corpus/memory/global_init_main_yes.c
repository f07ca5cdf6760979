// expect: yes
// args: --function main --property memory-safety --property assertions
// note: entry main starts globals at their initialisers: limit is 5 and the primes sum to 28.
#include <assert.h>

int primes[5] = {2, 3, 5, 7, 11};
int limit = 5;

int main(void) {
  int s = 0;
  for (int i = 0; i < limit; i++)
    s += primes[i];
  assert(s == 28);
  return 0;
}
