// expect: yes
// args: --function f --property memory-safety
// note: the guard rejects every i outside 0..5 before indexing the 6-element table.
int f(int i) {
  static const int table[6] = {3, 1, 4, 1, 5, 9};
  if (i < 0 || i >= 6)
    return -1;
  return table[i];
}
