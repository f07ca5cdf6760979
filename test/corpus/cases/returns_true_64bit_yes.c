// expect: yes
// args: --function f --returns-true
// note: (x + 1) << 32 in long long is a nonzero multiple of 2^32: its low 32 bits are 0 but the value is not.
long long f(unsigned char x) {
  return (long long)(x + 1) << 32;
}
