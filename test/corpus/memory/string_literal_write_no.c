// expect: no
// args: --function main --property memory-safety
// violation: valid-deref 9
// witness: main(): upcase writes 'H' into the string literal "hello"
// note: msg points to a string literal, which may not be modified (C11 6.4.5p7); the write faults on read-only storage.
static void upcase(char *s) {
  for (; *s; s++)
    if (*s >= 'a' && *s <= 'z')
      *s = (char)(*s - 'a' + 'A');
}

int main(void) {
  char *msg = "hello";
  upcase(msg);
  return msg[0];
}
