// expect: yes
// args: --function main --property memory-safety --property assertions
// note: a union is as large as its largest member; zeroing sizeof u bytes covers every member, which then all read 0.
#include <assert.h>
#include <stddef.h>

union any {
  char c;
  int i;
  long l;
  short arr[3];
};

int main(void) {
  union any u;
  unsigned char *p = (unsigned char *)&u;
  for (size_t k = 0; k < sizeof u; k++)
    p[k] = 0;
  assert(u.l == 0);
  assert(u.i == 0 && u.c == 0 && u.arr[2] == 0);
  return 0;
}
