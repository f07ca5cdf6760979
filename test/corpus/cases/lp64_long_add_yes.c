// expect: yes
// args: --function f
// note: under LP64 long has 64 bits, so an int plus 1 cannot overflow it.
long f(int a) {
  long b = a;
  return b + 1;
}
