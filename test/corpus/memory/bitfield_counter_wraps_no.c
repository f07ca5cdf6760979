// expect: no
// args: --function main --property memory-safety --property assertions
// violation: assertion 17
// witness: main(): c.count is 7, c.count++ stores 8, which keeps only its low 3 bits: 0
// note: an unsigned bit-field of width 3 holds 0..7; storing 8 reduces it modulo 2^3 (C11 6.3.1.3p2), so the counter wraps to 0, and the neighbouring field is untouched.
#include <assert.h>

struct counter {
  unsigned count : 3;
  unsigned flags : 5;
};

int main(void) {
  struct counter c = {7, 31};
  c.count++;
  assert(c.flags == 31);
  assert(c.count == 8);
  return 0;
}
