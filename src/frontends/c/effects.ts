/**
 * Syntactic read/write sets of expressions, to detect evaluation-order
 * dependence. C leaves the order of operand evaluation unspecified; arc
 * evaluates left to right, which is only sound when no variable written by
 * one operand is read or written by another operand that is not sequenced
 * with it. `findOrderConflict` reports the first such expression; the
 * front-end turns it into an `unsupported` diagnostic.
 *
 * The sets are over-approximations by name (shadowing is ignored, calls to
 * defined functions contribute every global name their bodies mention
 * transitively), so a conflict may be reported where none exists, never the
 * other way round.
 */
import type { SyntaxNode } from './parser.js';

export interface Effects {
  readonly reads: Set<string>;
  readonly writes: Set<string>;
}

/** Global names a defined function (transitively) reads and writes. */
export type CalleeEffects = (name: string) => Effects | null;

export interface OrderConflict {
  readonly node: SyntaxNode;
  readonly variable: string;
}

/**
 * The pseudo-variable "memory": read by every `*p`, `a[i]` and `s.f`,
 * written by every assignment to one. (Aliasing of a named variable through
 * a pointer is not tracked: `x + (*p = 1)` with `p == &x` is not reported.)
 */
export const MEMORY = '*memory';

function empty(): Effects {
  return { reads: new Set(), writes: new Set() };
}

function union(into: Effects, from: Effects): void {
  for (const r of from.reads) into.reads.add(r);
  for (const w of from.writes) into.writes.add(w);
}

function conflictBetween(a: Effects, b: Effects): string | null {
  for (const w of a.writes) if (b.reads.has(w) || b.writes.has(w)) return w;
  for (const w of b.writes) if (a.reads.has(w)) return w;
  return null;
}

const SEQUENCED = new Set(['&&', '||']);

/** Effects of an expression; records the first unsequenced conflict in `out`. */
export function effectsOf(
  node: SyntaxNode,
  callee: CalleeEffects,
  out: { conflict: OrderConflict | null },
): Effects {
  const parts = (children: SyntaxNode[], check: boolean): Effects => {
    const all = empty();
    const each = children.map((c) => effectsOf(c, callee, out));
    if (check) checkPairs(node, each, out);
    each.forEach((e) => union(all, e));
    return all;
  };
  switch (node.type) {
    case 'identifier': {
      const e = empty();
      e.reads.add(node.text);
      return e;
    }
    case 'assignment_expression':
    case 'update_expression':
      return assignmentEffects(node, callee, out);
    case 'binary_expression': {
      const op = node.childForFieldName('operator')?.text ?? '';
      return parts(node.namedChildren, !SEQUENCED.has(op));
    }
    case 'comma_expression':
    case 'conditional_expression':
    case 'sizeof_expression':
      return node.type === 'sizeof_expression' ? empty() : parts(node.namedChildren, false);
    case 'call_expression':
      return callEffects(node, callee, out);
    case 'subscript_expression':
    case 'field_expression': {
      const e = parts(node.namedChildren, true);
      e.reads.add(MEMORY);
      return e;
    }
    case 'pointer_expression': {
      const e = parts(node.namedChildren, true);
      if (node.childForFieldName('operator')?.text === '*') e.reads.add(MEMORY);
      return e;
    }
    default:
      return parts(node.namedChildren, true);
  }
}

function checkPairs(
  node: SyntaxNode,
  each: Effects[],
  out: { conflict: OrderConflict | null },
): void {
  for (let i = 0; i < each.length && out.conflict === null; i++)
    for (let j = i + 1; j < each.length && out.conflict === null; j++) {
      const v = conflictBetween(each[i], each[j]);
      if (v !== null) out.conflict = { node, variable: v };
    }
}

function assignmentEffects(
  node: SyntaxNode,
  callee: CalleeEffects,
  out: { conflict: OrderConflict | null },
): Effects {
  const target = node.childForFieldName(node.type === 'update_expression' ? 'argument' : 'left');
  const rhs = node.childForFieldName('right');
  const e = rhs ? effectsOf(rhs, callee, out) : empty();
  const lhs = target ? effectsOf(target, callee, out) : empty();
  const name = target?.type === 'identifier' ? target.text : null;
  if (name !== null && e.writes.has(name) && out.conflict === null)
    out.conflict = { node, variable: name };
  union(e, lhs);
  if (name !== null) e.writes.add(name);
  else if (target !== null) e.writes.add(MEMORY);
  return e;
}

function callEffects(
  node: SyntaxNode,
  callee: CalleeEffects,
  out: { conflict: OrderConflict | null },
): Effects {
  const args = node.childForFieldName('arguments')?.namedChildren ?? [];
  const each = args.map((a) => effectsOf(a, callee, out));
  checkPairs(node, each, out);
  const all = empty();
  each.forEach((e) => union(all, e));
  const fn = node.childForFieldName('function');
  const ce = fn?.type === 'identifier' ? callee(fn.text) : null;
  if (ce) union(all, ce);
  return all;
}

/** Names mentioned (read) and assigned (written) anywhere inside a subtree. */
export function namesIn(node: SyntaxNode): Effects {
  const e = empty();
  const visit = (n: SyntaxNode): void => {
    if (n.type === 'identifier') e.reads.add(n.text);
    if (
      n.type === 'subscript_expression' ||
      n.type === 'field_expression' ||
      (n.type === 'pointer_expression' && n.childForFieldName('operator')?.text === '*')
    )
      e.reads.add(MEMORY);
    if (n.type === 'assignment_expression' || n.type === 'update_expression') {
      const t = n.childForFieldName(n.type === 'update_expression' ? 'argument' : 'left');
      if (t?.type === 'identifier') e.writes.add(t.text);
      else if (t) e.writes.add(MEMORY);
    }
    for (const c of n.namedChildren) visit(c);
  };
  visit(node);
  return e;
}
