// expect: yes
// args: --function f
// note: s++ on a short is computed in int (32767 + 1 fits), then converted back: no undefined behaviour.
short f(short s) {
  s++;
  s += 1000;
  return s;
}
