// expect: unknown
// args: --function f
// reason: recursion
// note: is_even and is_odd call each other n deep (n up to 255): beyond the largest inlining depth (64 calls of each).
int is_odd(unsigned n);

int is_even(unsigned n) {
  if (n == 0) return 1;
  return is_odd(n - 1);
}

int is_odd(unsigned n) {
  if (n == 0) return 0;
  return is_even(n - 1);
}

int f(unsigned char n) {
  return is_even(n) + is_odd(n);
}
