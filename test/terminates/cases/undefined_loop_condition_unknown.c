// expect: unknown
// args: --function k
// reason: undefined-function
// why: the loop runs as long as ask() returns non-zero and the file does not define ask, so neither yes nor no is justified. (Issue 14: this used to exit 4, "Z3 rejected the script: unknown sort 'Int'", from a quantified closure query printed as QF_BV.)
int ask(void);
void k(void) {
  while (ask()) {
  }
}
