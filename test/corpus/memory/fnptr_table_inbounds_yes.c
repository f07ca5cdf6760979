// expect: yes
// args: --function apply --property memory-safety
// note: 0 <= op < 3 selects one of the three non-NULL handlers of ops[3].
extern void __VERIFIER_assume(int);

static int op_and(int a, int b) { return a & b; }
static int op_or(int a, int b) { return a | b; }
static int op_xor(int a, int b) { return a ^ b; }

static int (*const ops[3])(int, int) = {op_and, op_or, op_xor};

int apply(int op, int a, int b) {
  __VERIFIER_assume(op >= 0 && op < 3);
  return ops[op](a, b);
}
