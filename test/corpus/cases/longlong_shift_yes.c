// expect: yes
// args: --function f
// note: 1LL << s is valid and representable for s in [0, 62].
long long f(int s) {
  if (s >= 0 && s < 63) {
    return 1LL << s;
  }
  return 0;
}
