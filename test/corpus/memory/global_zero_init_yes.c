// expect: yes
// args: --function main --property memory-safety --property assertions
// note: globals without initialisers start at zero: cursor is NULL, hist[3] is 0, so hist[0] is the one written.
#include <assert.h>

int hist[8];
static int *cursor;

int main(void) {
  if (cursor == 0)
    cursor = hist;
  cursor[hist[3]] = 1;
  assert(hist[0] == 1 && hist[7] == 0);
  return 0;
}
