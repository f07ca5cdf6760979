// expect: yes
// args: --function bucket --property memory-safety
// note: h % 4 lies in -3..3 for every int h, so abs(h % 4) is in 0..3 (abs never gets INT_MIN).
#include <stdlib.h>

int bucket(int h) {
  int t[4] = {10, 20, 30, 40};
  return t[abs(h % 4)];
}
