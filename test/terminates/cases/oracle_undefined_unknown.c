// expect: unknown
// args: --function f
// reason: undefined-function
// why: oracle has no body in this file: if it always returns 0 the loop never ends, if it always returns 1 it ends after x steps, so neither yes nor no is justified (and never no from an arbitrary model of oracle).
extern int oracle(void);

void f(int x) {
  while (x > 0) {
    if (oracle())
      x = x - 1;
  }
}
