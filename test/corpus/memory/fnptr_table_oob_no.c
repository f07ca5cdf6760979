// expect: no
// args: --function apply --property memory-safety
// violation: valid-deref 15
// witness: apply(op = 3, a = 0, b = 0)
// note: the guard admits op = 3, and reading ops[3] is past the end of the 3-entry table (before any call happens).
static int op_and(int a, int b) { return a & b; }
static int op_or(int a, int b) { return a | b; }
static int op_xor(int a, int b) { return a ^ b; }

static int (*const ops[3])(int, int) = {op_and, op_or, op_xor};

int apply(int op, int a, int b) {
  if (op < 0 || op > 3)
    return 0;
  return ops[op](a, b);
}
