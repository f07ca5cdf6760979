// expect: no
// args: --property assertions
// property: main.error-call.2
// note: as nested_const_loops_bisect_unwind_yes.c, but the check after the loops expects 1563 while n is 1562 (gcc): the violation needs 5 iterations of every loop, beyond unwinding 4, and unwinding 8 is too large, so only a depth in between finds it
extern void reach_error(void);

int main(void) {
  int a, b, c, d, e;
  int n = 0;
  for (a = 0; a < 5; a++)
    for (b = 0; b < 5; b++)
      for (c = 0; c < 5; c++)
        for (d = 0; d < 5; d++)
          for (e = 0; e < 5; e++)
            n += (a + b + c + d + e) % 2;
  if (!(a == 5 && b == 5 && c == 5 && d == 5 && e == 5)) reach_error();
  if (n != 1563) reach_error();
  return 0;
}
