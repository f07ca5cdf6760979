// expect: yes
// args: --function main --property memory-safety --data-model ILP32
// note: the last byte of the block is the terminator and nothing overwrites it, so the walk stops at or before it, for any length (a block too large for the stack is outside the question, as a VLA's).
extern int __VERIFIER_nondet_int(void);
extern char __VERIFIER_nondet_char(void);

int main(void) {
  int length = __VERIFIER_nondet_int();
  if (length < 1)
    length = 1;
  char *s = (char *)__builtin_alloca(length);
  s[length - 1] = '\0';
  for (int i = 0; i < length - 1; i++)
    s[i] = __VERIFIER_nondet_char();
  const char *p = s;
  while (*p != '\0')
    p++;
  return (int)(p - s);
}
