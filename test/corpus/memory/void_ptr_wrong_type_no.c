// expect: no
// args: --function main --property memory-safety
// violation: valid-deref 7
// witness: main(): set_int(&s) stores 4 bytes into the 2-byte short s
// note: the void * hides that p points to a short; storing an int through it writes 2 bytes past the object.
static void set_int(void *p) {
  *(int *)p = 0;
}

int main(void) {
  short s = 1;
  set_int(&s);
  return s;
}
