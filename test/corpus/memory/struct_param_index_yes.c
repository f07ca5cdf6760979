// expect: yes
// args: --function get --property memory-safety
// note: the fields of v are arbitrary, but the checks give 0 <= i < v.len <= 4 before v.items[i].
struct vec {
  int len;
  int items[4];
};

int get(struct vec v, int i) {
  if (v.len > 4 || i < 0 || i >= v.len)
    return -1;
  return v.items[i];
}
