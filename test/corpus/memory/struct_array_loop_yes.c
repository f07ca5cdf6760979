// expect: yes
// args: --function main --property memory-safety --property assertions
// note: e walks staff .. staff + 3 (one past the end only compared); ids become 1, 2, 3.
#include <assert.h>

struct emp {
  int id;
  int salary;
};

int main(void) {
  struct emp staff[3];
  int next = 1;
  for (struct emp *e = staff; e < staff + 3; e++) {
    e->id = next++;
    e->salary = 100 * e->id;
  }
  assert(staff[2].id == 3 && staff[0].salary == 100);
  return 0;
}
