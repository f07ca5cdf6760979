/**
 * Macros of the standard headers arc's built-in preprocessor knows
 * (<limits.h>, <stdbool.h>, <stdint.h>, <assert.h>), per data model. Their
 * values agree with gcc on x86-64 (LP64) and i386 (ILP32). Typedef names such
 * as `uint32_t` need no declaration: the front-end knows them.
 */
import type { DataModel } from './ctypes.js';

function limits(model: DataModel): [string, string][] {
  const long64 = model === 'LP64';
  return [
    ['CHAR_BIT', '8'],
    ['SCHAR_MIN', '(-128)'],
    ['SCHAR_MAX', '127'],
    ['UCHAR_MAX', '255'],
    ['CHAR_MIN', '(-128)'],
    ['CHAR_MAX', '127'],
    ['SHRT_MIN', '(-32768)'],
    ['SHRT_MAX', '32767'],
    ['USHRT_MAX', '65535'],
    ['INT_MIN', '(-2147483647 - 1)'],
    ['INT_MAX', '2147483647'],
    ['UINT_MAX', '4294967295U'],
    ['LONG_MIN', long64 ? '(-9223372036854775807L - 1L)' : '(-2147483647L - 1L)'],
    ['LONG_MAX', long64 ? '9223372036854775807L' : '2147483647L'],
    ['ULONG_MAX', long64 ? '18446744073709551615UL' : '4294967295UL'],
    ['LLONG_MIN', '(-9223372036854775807LL - 1LL)'],
    ['LLONG_MAX', '9223372036854775807LL'],
    ['ULLONG_MAX', '18446744073709551615ULL'],
  ];
}

function stdint(model: DataModel): [string, string][] {
  const long64 = model === 'LP64';
  return [
    ['INT8_MIN', '(-128)'],
    ['INT8_MAX', '127'],
    ['UINT8_MAX', '255'],
    ['INT16_MIN', '(-32768)'],
    ['INT16_MAX', '32767'],
    ['UINT16_MAX', '65535'],
    ['INT32_MIN', '(-2147483647 - 1)'],
    ['INT32_MAX', '2147483647'],
    ['UINT32_MAX', '4294967295U'],
    ['INT64_MIN', long64 ? '(-9223372036854775807L - 1)' : '(-9223372036854775807LL - 1)'],
    ['INT64_MAX', long64 ? '9223372036854775807L' : '9223372036854775807LL'],
    ['UINT64_MAX', long64 ? '18446744073709551615UL' : '18446744073709551615ULL'],
    ['SIZE_MAX', long64 ? '18446744073709551615UL' : '4294967295U'],
  ];
}

/** The macros a header defines, or null when the built-in preprocessor does not know it. */
export function builtinHeaderMacros(
  header: string,
  model: DataModel,
  ndebug: boolean,
): Map<string, string> | null {
  switch (header) {
    case 'limits.h':
      return new Map(limits(model));
    case 'stdint.h':
      return new Map(stdint(model));
    case 'stdbool.h':
      return new Map([
        ['bool', '_Bool'],
        ['true', '1'],
        ['false', '0'],
        ['__bool_true_false_are_defined', '1'],
      ]);
    case 'assert.h':
      // `assert(e)` becomes a call the front-end recognises (not evaluated under NDEBUG).
      return new Map([['assert', ndebug ? '__arc_assert_disabled' : '__arc_assert']]);
    default:
      return null;
  }
}
