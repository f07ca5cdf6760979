// expect: yes
// args: --function main --property memory-safety --property assertions
// note: <ctype.h>'s functions classify in the "C" locale: "c3po..." starts with four alphanumerics
#include <assert.h>
#include <ctype.h>

int main(void) {
  char str[] = "c3po...";
  int i = 0;
  while (isalnum((unsigned char)str[i])) i++;
  assert(i == 4 && isblank(' ') && !isblank('x'));
  return 0;
}
