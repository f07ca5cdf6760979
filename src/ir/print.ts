/**
 * Human-readable text of IR functions (`arc ir FILE`). The format is for
 * people and tests, not for parsing back: variables with their IR and source
 * types, properties with ids and locations, then one line per edge, e.g.
 * `n3 -> n4: x := (x + y)`. Operands of arithmetic are shown with C-like
 * infix; casts show their target type (`(i64)x`), so signedness and width are
 * visible where they matter; `overflow` reads as `overflow_add(a, b)`.
 */
import { formatSpan } from '../core/diagnostic.js';
import {
  typeName,
  type Action,
  type BinaryOp,
  type CompareOp,
  type Edge,
  type Expr,
  type IrFunction,
  type IrProgram,
  type Variable,
} from './ir.js';

const BINARY: Record<BinaryOp, string> = {
  add: '+',
  sub: '-',
  mul: '*',
  div: '/',
  rem: '%',
  floordiv: '//',
  floormod: '%%',
  shl: '<<',
  shr: '>>',
  bitand: '&',
  bitor: '|',
  bitxor: '^',
  and: '&&',
  or: '||',
};

const COMPARE: Record<CompareOp, string> = {
  eq: '==',
  ne: '!=',
  lt: '<',
  le: '<=',
  gt: '>',
  ge: '>=',
};

/** An expression in C-like infix; constants of non-int types carry their type. */
export function printExpr(e: Expr): string {
  switch (e.kind) {
    case 'const':
      if (e.type.kind === 'bool') return e.value !== 0n ? 'true' : 'false';
      if (e.type.kind === 'int') return e.value.toString();
      if (e.type.kind === 'array') return `const(${e.value}):${typeName(e.type)}`;
      return `${e.value}${e.type.signed && e.type.width === 32 ? '' : `:${typeName(e.type)}`}`;
    case 'var':
      return e.name;
    case 'unary':
      return `${e.op === 'neg' ? '-' : e.op === 'bitnot' ? '~' : '!'}${printExpr(e.arg)}`;
    case 'binary':
      return `(${printExpr(e.left)} ${BINARY[e.op]} ${printExpr(e.right)})`;
    case 'compare':
      return `(${printExpr(e.left)} ${COMPARE[e.op]} ${printExpr(e.right)})`;
    case 'ite':
      return `(${printExpr(e.cond)} ? ${printExpr(e.then)} : ${printExpr(e.else)})`;
    case 'cast':
      return `(${typeName(e.type)})${printExpr(e.arg)}`;
    case 'overflow':
      return `overflow_${e.op}(${e.args.map(printExpr).join(', ')})`;
    case 'select':
      return `${printExpr(e.array)}[${printExpr(e.index)}]`;
    case 'store':
      return `${printExpr(e.array)}{${printExpr(e.index)} := ${printExpr(e.value)}}`;
  }
}

function printAction(a: Action): string {
  switch (a.kind) {
    case 'assign':
      return `${a.target} := ${printExpr(a.value)}`;
    case 'havoc':
      return `${a.target} := havoc  // ${a.source}`;
    case 'assume':
      return `assume ${printExpr(a.cond)}`;
    case 'assert':
      return `assert ${printExpr(a.cond)}  [${a.property}]`;
    case 'skip':
      return 'skip';
  }
}

function printVar(v: Variable, role: string): string {
  const src = v.sourceName !== v.name ? ` (${v.sourceName})` : '';
  return `  ${role} ${v.name}: ${typeName(v.type)}  // ${v.sourceType}${src}`;
}

function printEdge(e: Edge): string {
  const where = e.span ? `  @${e.span.startLine}:${e.span.startCol}` : '';
  return `  n${e.from} -> n${e.to}: ${printAction(e.action)}${where}`;
}

export function printFunction(fn: IrFunction): string {
  const lines: string[] = [];
  const ret = fn.returnType ? `${typeName(fn.returnType)} (${fn.returnSourceType})` : 'void';
  lines.push(`function ${fn.name} -> ${ret}  // ${formatSpan(fn.span)}`);
  for (const p of fn.params) lines.push(printVar(p, 'param'));
  for (const v of fn.locals) lines.push(printVar(v, 'local'));
  if (fn.returnVar) lines.push(`  returns ${fn.returnVar}`);
  for (const p of fn.properties)
    lines.push(`  property ${p.id} (${p.kind}) at ${formatSpan(p.span)}: ${p.description}`);
  for (const a of fn.approximations)
    lines.push(`  approximation: ${a.kind} ${a.name} at ${formatSpan(a.span)}`);
  const special = fn.nodes.filter((n) => n.kind !== 'normal').map((n) => `n${n.id} ${n.kind}`);
  lines.push(`  entry n${fn.entry}${special.length > 0 ? `; ${special.join('; ')}` : ''}`);
  const sorted = [...fn.edges].sort((a, b) => a.from - b.from || a.to - b.to);
  for (const e of sorted) lines.push(printEdge(e));
  return lines.join('\n') + '\n';
}

export function printProgram(p: IrProgram): string {
  return [...p.functions.values()].map(printFunction).join('\n');
}
