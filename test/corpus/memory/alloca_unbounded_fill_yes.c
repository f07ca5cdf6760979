// expect: yes
// args: --function main --property memory-safety --data-model ILP32
// note: the block holds n ints for any n >= 1 (no upper bound the unwinding could reach); both loops stay below n. Needs loop invariants over the block: its size is 4 * n, a points to its start.
extern int __VERIFIER_nondet_int(void);

int main(void) {
  int n = __VERIFIER_nondet_int();
  if (n < 1 || n >= 2147483647 / (int)sizeof(int))
    n = 1;
  int *a = (int *)__builtin_alloca(n * sizeof(int));
  for (int k = 0; k < n; k++)
    a[k] = __VERIFIER_nondet_int();
  int steps = 0;
  for (int i = 0; i < n; i++) {
    while (a[i] > 0) {
      a[i]--;
      steps++;
    }
  }
  return steps > 0;
}
