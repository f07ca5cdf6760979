// expect: yes
// args: --function main --property memory-safety --property assertions
// note: p walks a .. a + 6 (one past the end may be formed and compared, never dereferenced); a[k] = k.
#include <assert.h>

int main(void) {
  int a[6];
  int n = 0;
  for (int *p = a; p < a + 6; p++)
    *p = n++;
  int *end = a + 6;
  assert(end - a == 6 && a[5] == 5 && *(end - 1) == 5);
  return 0;
}
