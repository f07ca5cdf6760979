// expect: no
// args: --function main --property memory-safety
// violation: valid-deref 12
// witness: main(): s[1] is (char)0xe9 = -23, so counts[-23] is written
// gap: decided in 8-25 s on a quiet 2-core machine: don't know under load is accepted
// note: plain char is signed on x86-64, so a byte >= 0x80 is a negative index into counts.
static int counts[128];

int main(void) {
  const char *s = "h\xe9llo";
  for (int i = 0; s[i] != '\0'; i++)
    counts[s[i]]++;
  return counts['l'];
}
