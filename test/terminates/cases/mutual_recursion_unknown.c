// expect: unknown
// args: --function f
// reason: recursion
// why: is_even and is_odd call each other; arc does not analyse recursive calls, so it must not answer (they do terminate, with ranking n, but arc cannot show it).
int is_odd(int n);

int is_even(int n) {
  if (n <= 0)
    return n == 0;
  return is_odd(n - 1);
}

int is_odd(int n) {
  if (n <= 0)
    return 0;
  return is_even(n - 1);
}

int f(int n) {
  return is_even(n);
}
