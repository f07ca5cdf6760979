// expect: no
// args: --function f
// kind: overflow
// witness: f(1431655765)
// why: n = 1431655765 is odd and 3 * n = 4294967295 overflows int (undefined behaviour); a run without overflow is a Collatz trajectory from below 2^31, and all of those reach 1 (verified far beyond 2^31), so overflow is the only way to answer no.
void f(int n) {
  while (n > 1) {
    if (n % 2 == 0)
      n = n / 2;
    else
      n = 3 * n + 1;
  }
}
