/**
 * arc's one seeded pseudo-random generator: xorshift64* seeded through
 * splitmix64. The native testing harness (src/baseline/native.ts) implements
 * the same generator in C, so both engines of the testing baseline draw the
 * same inputs for a seed. Everything random in arc (sampled runs, generated
 * tests and benchmark inputs) comes from here, so the same seed gives the
 * same sequence on every machine.
 */

const MASK64 = (1n << 64n) - 1n;

/** 64-bit unsigned values (as bigint), the same sequence for the same seed. */
export function makeRng(seed: number): () => bigint {
  let z = BigInt.asUintN(64, BigInt(seed) + 0x9e3779b97f4a7c15n);
  z = BigInt.asUintN(64, (z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n);
  z = BigInt.asUintN(64, (z ^ (z >> 27n)) * 0x94d049bb133111ebn);
  let state = (z ^ (z >> 31n)) | 1n;
  return () => {
    let x = state;
    x ^= x >> 12n;
    x = (x ^ (x << 25n)) & MASK64;
    x ^= x >> 27n;
    state = x;
    return BigInt.asUintN(64, x * 0x2545f4914f6cdd1dn);
  };
}

/** Numbers in [0, 1) with 53 random bits each, from the same generator. */
export function prng(seed: number): () => number {
  const next = makeRng(seed);
  return () => Number(next() >> 11n) / 2 ** 53;
}
