// expect: yes
// args: --function describe --property memory-safety
// note: the union member read always matches the tag, and the text member's index is checked against its size.
struct value {
  int tag;
  union {
    int num;
    char text[8];
  } u;
};

int describe(struct value v, int i) {
  if (v.tag == 0)
    return v.u.num & 0xff;
  if (i < 0 || i >= (int)sizeof v.u.text)
    return -1;
  return v.u.text[i];
}
