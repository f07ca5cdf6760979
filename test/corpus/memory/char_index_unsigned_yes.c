// expect: yes
// args: --function main --property memory-safety --property assertions
// gap: decided in 8-25 s on a quiet 2-core machine: don't know under load is accepted
// note: converting each char to unsigned char gives an index 0..255 into counts[256].
#include <assert.h>

static int counts[256];

int main(void) {
  const char *s = "h\xe9llo";
  for (int i = 0; s[i] != '\0'; i++)
    counts[(unsigned char)s[i]]++;
  assert(counts[0xe9] == 1 && counts['l'] == 2);
  return 0;
}
