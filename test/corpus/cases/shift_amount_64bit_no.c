// expect: no
// args: --function f --property valid-shift
// property: f.shift.1
// witness: f(1u, 4294967297LL)
// note: the amount 2^32 + 1 is checked as a long long (it is >= 32); truncating it to 32 bits first would wrongly see 1.
unsigned f(unsigned x, long long s) {
  if (s == 4294967297LL) {
    return x << s;
  }
  return 0;
}
