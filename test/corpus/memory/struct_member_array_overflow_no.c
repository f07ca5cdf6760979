// expect: no
// args: --function main --property memory-safety
// violation: valid-deref 14
// witness: main(): the iteration i = 3 writes r.vals[3]
// note: r.vals has 3 elements; r.vals[3] is out of bounds of that array even though r.tag follows it (C11 6.5.6p8, J.2).
struct rec {
  int vals[3];
  int tag;
};

int main(void) {
  struct rec r = {{1, 2, 3}, 7};
  for (int i = 0; i < 4; i++)
    r.vals[i] = 0;
  return r.tag;
}
