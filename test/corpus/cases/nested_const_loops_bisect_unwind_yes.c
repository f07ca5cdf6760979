// expect: yes
// args: --property assertions
// note: five nested loops of 5 iterations: unwinding 4 is too shallow and the DAG for 8 exceeds the engine's size limit, so the engine must try the depths in between; n counts the 1562 odd sums a+b+c+d+e (checked with gcc)
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
  if (n != 1562) reach_error();
  return 0;
}
