// expect: yes
// args: --function main --property memory-safety --property assertions
// note: both comparisons read at most sizeof of the smaller object; the 4-byte prefixes differ at index 3.
#include <assert.h>
#include <string.h>

int main(void) {
  char a[4] = {'a', 'b', 'c', 'd'};
  char b[] = "abcdef";
  assert(memcmp(a, b, sizeof a) == 0);
  assert(memcmp(a, "abcx", 4) < 0);
  return 0;
}
