// expect: no
// args: --function get --property memory-safety
// violation: valid-deref 14
// witness: get(v = {.len = 5}, i = 4)
// note: a struct parameter's fields are arbitrary: len can exceed the 4 items, and i < len then allows items[4].
struct vec {
  int len;
  int items[4];
};

int get(struct vec v, int i) {
  if (i < 0 || i >= v.len)
    return -1;
  return v.items[i];
}
