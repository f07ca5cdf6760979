// expect: yes
// args: --function f
// note: invariant at the loop: i + j == n (modulo 2^32, unsigned arithmetic wraps), so j == 0 when i reaches n.
extern void __VERIFIER_assert(int cond);

int f(unsigned n) {
  unsigned i = 0;
  unsigned j = n;
  while (i != n) {
    i++;
    j--;
  }
  __VERIFIER_assert(j == 0);
  return (int)(i % 7);
}
