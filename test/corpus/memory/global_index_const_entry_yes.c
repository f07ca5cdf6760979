// expect: yes
// args: --function f --property memory-safety
// note: a const global keeps its initialiser for any entry, so pos is 1; table's contents may be arbitrary but it has 4 elements.
int table[4] = {1, 2, 3, 4};
const int pos = 1;

int f(void) {
  return table[pos] ^ table[pos + 2];
}
