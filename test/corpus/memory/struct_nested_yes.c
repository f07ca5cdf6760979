// expect: yes
// args: --function main --property memory-safety --property assertions
// note: all accesses name existing members through a valid pointer; hi.x becomes 4 + 8 = 12, area 12 * 3 = 36.
#include <assert.h>

struct point {
  int x, y;
};
struct rect {
  struct point lo, hi;
  int tags[2];
};

int main(void) {
  struct rect r = {{0, 0}, {4, 3}, {7, 8}};
  struct rect *pr = &r;
  pr->hi.x += pr->tags[1];
  int area = (pr->hi.x - pr->lo.x) * (pr->hi.y - pr->lo.y);
  assert(area == 36);
  return 0;
}
