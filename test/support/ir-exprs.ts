/** Constructors of IR types and expressions for hand-built test functions (shared by the test builders). */
import type { BinaryOp, CompareOp, Expr, OverflowOp, Type } from '../../src/ir/ir.js';
import { boolType, bvType, constant, variable } from '../../src/ir/ir.js';

export const i8 = bvType(8, true);
export const u8 = bvType(8, false);
export const i32 = bvType(32, true);
export const u32 = bvType(32, false);

export const v = (name: string, t: Type): Expr => variable(name, t);
export const c = (t: Type, value: bigint | number): Expr => constant(t, BigInt(value));
export const bin = (op: BinaryOp, a: Expr, b: Expr): Expr => ({
  kind: 'binary',
  type: a.type,
  op,
  left: a,
  right: b,
});
export const cmp = (op: CompareOp, a: Expr, b: Expr): Expr => ({
  kind: 'compare',
  type: boolType,
  op,
  left: a,
  right: b,
});
export const not = (a: Expr): Expr => ({ kind: 'unary', type: boolType, op: 'not', arg: a });
export const neg = (a: Expr): Expr => ({ kind: 'unary', type: a.type, op: 'neg', arg: a });
export const cast = (t: Type, a: Expr): Expr => ({ kind: 'cast', type: t, arg: a });
export const ovf = (op: OverflowOp, ...args: Expr[]): Expr => ({
  kind: 'overflow',
  type: boolType,
  op,
  args,
});
export const and = (a: Expr, b: Expr): Expr => bin('and', a, b);
