// expect: unknown
// args: --function f
// reason: recursion
// why: down calls itself; arc does not analyse recursive calls, so it must not answer (the recursion does terminate, with ranking n, but arc cannot show it).
int down(int n) {
  if (n <= 0)
    return 0;
  return down(n - 1);
}

int f(int n) {
  return down(n);
}
