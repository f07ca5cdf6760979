// expect: yes
// args: --function f --semantics math
// why: the product i * j is only in the guard; i decreases and is bounded below by 0 inside the loop, so i is a ranking function whatever value the product takes (proofs treat it as an arbitrary value).
void f(int i, int j) {
  while (i > 0 && i * j != 7) {
    i = i - 1;
  }
}
