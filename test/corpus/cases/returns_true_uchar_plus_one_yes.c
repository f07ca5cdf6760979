// expect: yes
// args: --function f --returns-true
// note: x + 1 is computed in int and lies in [1, 256], never 0.
int f(unsigned char x) {
  return x + 1;
}
