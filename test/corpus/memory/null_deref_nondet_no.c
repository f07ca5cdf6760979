// expect: no
// args: --function main --property memory-safety
// violation: valid-deref 11
// witness: main() with __VERIFIER_nondet_int() = 0, so p = NULL
// note: p is NULL on the path where the nondet value is 0 and is written without a check.
extern int __VERIFIER_nondet_int(void);

int main(void) {
  int x = 0;
  int *p = __VERIFIER_nondet_int() ? &x : 0;
  *p = 5;
  return x;
}
