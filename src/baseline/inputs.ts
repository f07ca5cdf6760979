/** Input spaces and input values of the testing baseline (shared by both engines). */
import type { BitVecType, BoolType } from '../ir/ir.js';
import type { BaselineFailure, BaselineParam } from './types.js';

/** Bits a parameter contributes to the input space (bool: 1). */
export function paramWidth(p: BaselineParam): number {
  return p.type.kind === 'bool' ? 1 : p.type.width;
}

/** The number of distinct parameter tuples: the product of 2^width. */
export function inputSpace(params: readonly BaselineParam[]): bigint {
  return params.reduce((acc, p) => acc << BigInt(paramWidth(p)), 1n);
}

/** The value of type `t` whose low bits are `raw` (two's complement for signed types). */
export function valueFromRaw(raw: bigint, t: BitVecType | BoolType): bigint {
  if (t.kind === 'bool') return raw & 1n;
  return t.signed ? BigInt.asIntN(t.width, raw) : BigInt.asUintN(t.width, raw);
}

export function describeFailure(
  params: readonly BaselineParam[],
  values: readonly bigint[],
  what: string,
): BaselineFailure {
  return { inputs: params.map((p, i) => ({ name: p.name, value: String(values[i]) })), what };
}
