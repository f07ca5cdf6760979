// expect: no
// args: --function main --property memory-safety --data-model ILP32
// violation: valid-deref 14
// witness: any length: the loop writes s[length], one past the end
// note: the same shape as alloca_string_walk_yes.c with <= in the loop bound.
extern int __VERIFIER_nondet_int(void);

int main(void) {
  int length = __VERIFIER_nondet_int();
  if (length < 1 || length > 1000)
    length = 1;
  char *s = (char *)__builtin_alloca(length);
  for (int i = 0; i <= length; i++)
    s[i] = 'a';
  return s[0];
}
