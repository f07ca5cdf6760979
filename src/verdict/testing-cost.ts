/**
 * What exhaustive testing of the same function would cost: the size of its
 * input space and the time at the article's measured speed, beside the time
 * the answer took. Shown with proofs, to say what reasoning buys.
 */
import {
  ARTICLE_CALLS_PER_SECOND,
  ARTICLE_QUOTED_CALLS,
  exhaustiveSeconds,
  formatBigInt,
  formatDuration,
} from '../baseline/format.js';
import type { IrFunction } from '../ir/ir.js';

/** Below this many inputs, exhaustive testing is cheap and the comparison says little. */
const INTERESTING_INPUT_SPACE = 1n << 24n;

/** Number of distinct argument tuples of `fn`, or null when it reads nondeterministic values. */
export function inputSpace(fn: IrFunction): bigint | null {
  if (fn.edges.some((e) => e.action.kind === 'havoc' && e.action.source.startsWith('__VERIFIER'))) {
    return null;
  }
  let size = 1n;
  for (const p of fn.params) {
    if (p.type.kind === 'int' || p.type.kind === 'array') return null;
    size *= p.type.kind === 'bool' ? 2n : 1n << BigInt(p.type.width);
  }
  return size;
}

function powerOfTwo(n: bigint): string {
  const bits = n.toString(2).length - 1;
  return 1n << BigInt(bits) === n ? `2^${bits} = ` : '';
}

export function testingCostNote(fn: IrFunction, elapsedMs: number): string | null {
  const space = inputSpace(fn);
  if (space === null || space < INTERESTING_INPUT_SPACE) return null;
  const seconds = exhaustiveSeconds(space, ARTICLE_CALLS_PER_SECOND);
  const ratio = seconds / Math.max(elapsedMs / 1000, 1e-3);
  const quoted =
    space === 1n << 64n
      ? ` (the article quotes ${formatBigInt(ARTICLE_QUOTED_CALLS)} = UINT_MAX², (2^32−1)²)`
      : '';
  const comparison =
    ratio >= 10
      ? `about ${ratio.toExponential(1)} times less`
      : 'so here testing every input would be about as quick';
  return (
    `Exhaustive testing of ${fn.name} needs ${powerOfTwo(space)}${formatBigInt(space)} calls${quoted}: ` +
    `about ${formatDuration(seconds)} at the article's 430 million calls a second. ` +
    `This answer took ${formatDuration(elapsedMs / 1000)}, ${comparison}.`
  );
}
