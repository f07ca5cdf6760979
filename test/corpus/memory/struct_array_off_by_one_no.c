// expect: no
// args: --function main --property memory-safety
// violation: valid-deref 14
// witness: main(): e = staff + 3 is dereferenced
// note: e <= staff + 3 dereferences the one-past-the-end element of struct emp staff[3].
struct emp {
  int id;
  int salary;
};

int main(void) {
  struct emp staff[3];
  for (struct emp *e = staff; e <= staff + 3; e++)
    e->id = 0;
  return staff[0].id;
}
