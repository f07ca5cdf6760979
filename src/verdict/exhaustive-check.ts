/**
 * A second, independent confirmation of a yes for functions with a small
 * input space: run every input through arc's IR interpreter. It shares no
 * code with the solver encoding, so an encoding bug that produced a wrong
 * proof would show up here as a failing input.
 */
import { valueFromRaw } from '../baseline/inputs.js';
import type { IrFunction } from '../ir/ir.js';
import { compiled } from '../semantics/interpreter.js';
import { inputSpace } from './testing-cost.js';

/** Largest input space confirmed by enumeration (2^16 runs of a small function take well under a second). */
const EXHAUSTIVE_LIMIT = 1n << 16n;
const STEP_LIMIT = 1_000_000;

export type ExhaustiveCheck =
  | { readonly kind: 'confirmed'; readonly inputs: bigint }
  | { readonly kind: 'refuted'; readonly inputs: readonly bigint[]; readonly property: string }
  | { readonly kind: 'inconclusive'; readonly why: string }
  | { readonly kind: 'not-applicable' };

function tuple(fn: IrFunction, index: bigint): bigint[] {
  let rest = index;
  return fn.params.map((p) => {
    const width = p.type.kind === 'bv' ? p.type.width : 1;
    const raw = rest & ((1n << BigInt(width)) - 1n);
    rest >>= BigInt(width);
    return p.type.kind === 'int' || p.type.kind === 'array' ? raw : valueFromRaw(raw, p.type);
  });
}

/** Runs all inputs when there are at most EXHAUSTIVE_LIMIT and the function reads no other values. */
export function confirmByEnumeration(
  fn: IrFunction,
  checked: ReadonlySet<string>,
): ExhaustiveCheck {
  const space = inputSpace(fn);
  const readsOtherValues = fn.edges.some((e) => e.action.kind === 'havoc');
  if (space === null || space > EXHAUSTIVE_LIMIT || readsOtherValues) {
    return { kind: 'not-applicable' };
  }
  const runner = compiled(fn);
  for (let i = 0n; i < space; i++) {
    const args = tuple(fn, i);
    const o = runner.runPositional(args, [], { maxSteps: STEP_LIMIT, recordPath: false });
    if (o.kind === 'violated' && checked.has(o.property)) {
      return { kind: 'refuted', inputs: args, property: o.property };
    }
    if (o.kind === 'out-of-steps') {
      return { kind: 'inconclusive', why: `input ${args.join(', ')} ran past ${STEP_LIMIT} steps` };
    }
  }
  return { kind: 'confirmed', inputs: space };
}
