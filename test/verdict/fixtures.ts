/** IR functions the gate tests share, built by hand (no front-end involved). */
import type { IrFunction, Property } from '../../src/ir/ir.js';
import {
  assert as assertAction,
  bin,
  c,
  fn,
  i32,
  not,
  ovf,
  span,
  v,
} from '../semantics/builder.js';

/** `x + 1` does not overflow `int`. */
export const overflowProperty: Property = {
  id: 'f.overflow.1',
  kind: 'overflow',
  description: 'x + 1 does not overflow int',
  span,
};

/** int f(int x) { return x + 1; } with its overflow check. */
export const plusOne: IrFunction = {
  ...fn({
    params: [['x', i32]],
    locals: [['r', i32]],
    returnType: i32,
    returnVar: 'r',
    nodeKinds: { 2: 'return' },
    edges: [
      [0, 1, assertAction(not(ovf('add', v('x', i32), c(i32, 1))), overflowProperty.id)],
      [1, 2, { kind: 'assign', target: 'r', value: bin('add', v('x', i32), c(i32, 1)) }],
    ],
  }),
  properties: [overflowProperty],
};
