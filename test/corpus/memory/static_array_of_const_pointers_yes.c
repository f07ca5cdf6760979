// expect: yes
// args: --function main --property memory-safety
// note: b is an array of pointers to const char; the array itself is not const, so writing its first byte through a char * is allowed.
int main(void) {
  static const char *b[3];
  char *c = (char *)b;
  *c = 42;
  return 0;
}
