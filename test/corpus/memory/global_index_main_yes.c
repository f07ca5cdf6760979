// expect: yes
// args: --function main --property memory-safety
// note: from main, pos starts at its initialiser 1 and nothing changes it before table[pos].
int table[4] = {1, 2, 3, 4};
int pos = 1;

int main(void) {
  return table[pos] - 2;
}
