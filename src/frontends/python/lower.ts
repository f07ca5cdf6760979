/**
 * The Python front-end's lowering state and its expressions: the IR function
 * being built, the frame of the function whose body is lowered (the entry,
 * or a callee inlined into it), the names definitely assigned at the cursor,
 * and the lowering of expressions and conditions to IR.
 *
 * Model: every Python value the subset can produce is an integer or a bool.
 * Integers are unbounded (IR `int`). Comparisons, `not`, `True`/`False` and
 * `isinstance` give IR `bool`; since Python's `bool` is an `int` subclass,
 * a bool stored in a variable, passed as an argument or used in arithmetic is
 * converted with an explicit `cast` to the int 0 or 1 (the same value in
 * every integer context) — `toInt` below.
 *
 * Sound by construction: a name that may be read before it is assigned, and
 * every construct outside the subset, stop lowering with a LowerError (turned
 * into a diagnostic by index.ts). `//` and `%` check the divisor first
 * (`div-by-zero`: ZeroDivisionError); `**` needs a constant non-negative
 * exponent (builtins.ts).
 *
 * Calls are lowered by calls.ts, which inlines the callee's statements
 * (stmt.ts), and both lower their expressions here. So that no module imports
 * itself in a circle, this one imports neither: the `PyLowerer` is given the
 * call lowering when it is made (entry.ts wires them together).
 */
import {
  diagnostic,
  type Diagnostic,
  type DiagnosticCode,
  type SourceSpan,
} from '../../core/diagnostic.js';
import {
  boolType,
  constant,
  intType,
  trueExpr,
  variable,
  type BinaryOp,
  type CompareOp,
  type Expr,
  type PropertyKind,
} from '../../ir/ir.js';
import { FnBuilder } from '../builder.js';
import { LowerError } from '../errors.js';
import { powerExpr, type Temps } from './builtins.js';
import type { SyntaxNode } from './parser.js';
import { named, shortText, spanOf, type ModuleInfo } from './syntax.js';

/** A value of the subset: an IR `int`, or (bool = true) an IR `bool`. */
export interface Val {
  readonly e: Expr;
  readonly bool: boolean;
}

export interface Loop {
  readonly brk: number;
  readonly cont: number;
  readonly breakStates: (Set<string> | null)[];
}

/** Per lowered function body: the entry's, or an inlined callee's. */
export interface Frame {
  readonly name: string;
  /** The function's parameters (source names). */
  readonly params: ReadonlySet<string>;
  /** Source name → IR variable name, for every local (parameters and assigned names). */
  readonly vars: Map<string, string>;
  readonly retVar: string | null;
  readonly exit: number;
  readonly loops: Loop[];
}

/**
 * Lowers a call (calls.ts's `lowerCall`); null when it has no value (a
 * function returning None, print). `wantValue`: whether the value is used.
 */
export type CallLowering = (lw: PyLowerer, n: SyntaxNode, wantValue: boolean) => Val | null;

/** The arithmetic operators of the subset other than `**`. */
export const ARITH: Readonly<Record<string, BinaryOp>> = {
  '+': 'add',
  '-': 'sub',
  '*': 'mul',
  '//': 'floordiv',
  '%': 'floormod',
};

const COMPARE: Readonly<Record<string, CompareOp>> = {
  '<': 'lt',
  '<=': 'le',
  '>': 'gt',
  '>=': 'ge',
  '==': 'eq',
  '!=': 'ne',
};

const DESCRIBE: Readonly<Record<string, string>> = {
  float: 'floating-point numbers',
  string: 'strings',
  concatenated_string: 'strings',
  list: 'lists',
  tuple: 'tuples',
  dictionary: 'dictionaries',
  set: 'sets',
  none: 'None',
  subscript: 'subscripts',
  attribute: 'attribute access',
  lambda: 'lambda expressions',
  list_comprehension: 'comprehensions',
  dictionary_comprehension: 'comprehensions',
  set_comprehension: 'comprehensions',
  generator_expression: 'generator expressions',
  named_expression: 'assignment expressions (:=)',
  await: 'await',
  try_statement: 'exceptions (try)',
  raise_statement: 'exceptions (raise)',
  with_statement: 'with statements',
  class_definition: 'classes',
  function_definition: 'nested functions',
  decorated_definition: 'decorated definitions',
  global_statement: 'global variables',
  nonlocal_statement: 'nonlocal variables',
  import_statement: 'imports inside functions',
  import_from_statement: 'imports inside functions',
  delete_statement: 'del',
  match_statement: 'match statements',
  tuple_pattern: 'tuple assignment',
  pattern_list: 'tuple assignment',
  expression_list: 'tuples',
};

function notExpr(e: Expr): Expr {
  if (e.kind === 'const') return constant(boolType, e.value === 0n ? 1n : 0n);
  if (e.kind === 'unary' && e.op === 'not') return e.arg;
  return { kind: 'unary', type: boolType, op: 'not', arg: e };
}

/** The value as an IR `int` (a bool is the int 0 or 1). */
export function toInt(v: Val): Expr {
  if (!v.bool) return v.e;
  if (v.e.kind === 'const') return constant(intType, v.e.value);
  return { kind: 'cast', type: intType, arg: v.e };
}

/** Python's truth value of the value, as an IR `bool`. */
export function truthy(v: Val): Expr {
  if (v.bool) return v.e;
  if (v.e.kind === 'const') return constant(boolType, v.e.value !== 0n ? 1n : 0n);
  return { kind: 'compare', type: boolType, op: 'ne', left: v.e, right: constant(intType, 0n) };
}

export class PyLowerer {
  readonly b = new FnBuilder();
  readonly notes: Diagnostic[] = [];
  frame!: Frame;
  /** The frame of the analysed function (inlined callees have their own). */
  entryFrame: Frame | null = null;
  /** Names definitely assigned at the cursor; null in unreachable code. */
  da: Set<string> | null = new Set();
  readonly callStack: string[] = [];
  /** Parameters of the entry function that an `assert isinstance(x, int)` declares to be ints. */
  readonly assertedInt = new Set<string>();

  constructor(
    readonly mod: ModuleInfo,
    private readonly lowerCall: CallLowering,
  ) {}

  span(n: SyntaxNode): SourceSpan {
    return spanOf(this.mod.file, n);
  }

  fail(n: SyntaxNode, message: string, code: DiagnosticCode = 'unsupported'): never {
    throw new LowerError(diagnostic(code, 'error', message, this.span(n)));
  }

  unsupported(n: SyntaxNode, what?: string): never {
    const w = what ?? DESCRIBE[n.type] ?? `the Python construct '${n.type}'`;
    return this.fail(
      n,
      `${w} ${w.endsWith('s') ? 'are' : 'is'} not supported by arc's Python subset`,
    );
  }

  field(n: SyntaxNode, name: string): SyntaxNode {
    const c = n.childForFieldName(name);
    if (c === null) return this.fail(n, `syntax error: ${n.type} without ${name}`, 'syntax-error');
    return c;
  }

  check(kind: PropertyKind, node: SyntaxNode, pos: number, ok: Expr, what: string): void {
    // A user's assertion stays a (trivially holding) property even when it folds to true.
    if (ok.kind === 'const' && ok.value !== 0n && kind !== 'assertion') return;
    const span = this.span(node);
    const key = this.b.property({
      owner: this.frame.name,
      kind,
      pos,
      tag: 0,
      description: what,
      span,
    });
    this.b.emit({ kind: 'assert', cond: ok, property: key }, span);
  }

  /** The cursor is in unreachable code (after a jump). */
  dead(): void {
    this.b.cur = null;
    this.da = null;
  }

  /** A constant stays; anything else is stored in a fresh temporary (its value at this point). */
  stable(e: Expr, span: SourceSpan, sourceName = '(temporary)'): Expr {
    if (e.kind === 'const') return e;
    const t = this.b.variable('$t', intType, sourceName, 'int');
    this.b.emit({ kind: 'assign', target: t, value: e }, span);
    return variable(t, intType);
  }

  // ---- conditions: jump to t when truthy, f otherwise ----

  branch(c: Expr, t: number, f: number, span: SourceSpan): void {
    const from = this.b.here();
    if (c.kind === 'const') this.b.edge(from, c.value !== 0n ? t : f, { kind: 'skip' }, span);
    else {
      this.b.edge(from, t, { kind: 'assume', cond: c }, span);
      this.b.edge(from, f, { kind: 'assume', cond: notExpr(c) }, span);
    }
    this.b.cur = null;
  }

  cond(n: SyntaxNode, t: number, f: number): void {
    switch (n.type) {
      case 'parenthesized_expression':
        return this.cond(this.inner(n), t, f);
      case 'not_operator':
        return this.cond(this.field(n, 'argument'), f, t);
      case 'boolean_operator': {
        const mid = this.b.newNode();
        const and = this.field(n, 'operator').text === 'and';
        this.cond(this.field(n, 'left'), and ? mid : t, and ? f : mid);
        this.b.cur = mid;
        return this.cond(this.field(n, 'right'), t, f);
      }
      case 'comparison_operator':
        return this.chain(n, t, f);
      default:
        return this.branch(truthy(this.value(n)), t, f, this.span(n));
    }
  }

  /** `a op1 b op2 c ...`: each operand evaluated once, left to right, stopping at the first false. */
  private chain(n: SyntaxNode, t: number, f: number): void {
    const { operands, ops } = this.comparison(n);
    let left = this.value(operands[0]);
    for (let i = 0; i < ops.length; i++) {
      const right = this.value(operands[i + 1]);
      const c: Expr = {
        kind: 'compare',
        type: boolType,
        op: ops[i],
        left: toInt(left),
        right: toInt(right),
      };
      const last = i === ops.length - 1;
      const next = last ? t : this.b.newNode();
      this.branch(c, next, f, this.span(n));
      if (!last) this.b.cur = next;
      left = right;
    }
  }

  private comparison(n: SyntaxNode): { operands: SyntaxNode[]; ops: CompareOp[] } {
    const operands: SyntaxNode[] = [];
    const ops: CompareOp[] = [];
    let pending = '';
    for (const c of n.children) {
      if (c === null || c.type === 'comment') continue;
      if (c.isNamed) {
        if (operands.length > 0) {
          const op = COMPARE[pending];
          if (op === undefined) this.unsupported(n, `the comparison operator '${pending}'`);
          ops.push(op);
        }
        operands.push(c);
        pending = '';
      } else pending = pending === '' ? c.type : `${pending} ${c.type}`;
    }
    return { operands, ops };
  }

  private inner(n: SyntaxNode): SyntaxNode {
    const parts = named(n);
    if (parts.length !== 1) return this.unsupported(n, 'tuples');
    return parts[0];
  }

  // ---- expressions ----

  private tmp(bool: boolean): string {
    return this.b.variable('$t', bool ? boolType : intType, '(temporary)', bool ? 'bool' : 'int');
  }

  /** Several control-flow arms, each ending with a value, joined into one temporary. */
  private join(arms: { node: number | null; v: Val }[], span: SourceSpan): Val {
    const live = arms.filter((a) => a.node !== null);
    const bool = arms.every((a) => a.v.bool);
    const end = this.b.newNode();
    const tmp = this.tmp(bool);
    for (const a of live) {
      this.b.cur = a.node;
      this.b.emit({ kind: 'assign', target: tmp, value: bool ? a.v.e : toInt(a.v) }, span);
      this.b.jump(end, span);
    }
    this.b.cur = end;
    return { e: variable(tmp, bool ? boolType : intType), bool };
  }

  /** A condition-shaped expression as a bool value. */
  private viaCond(n: SyntaxNode): Val {
    const t = this.b.newNode();
    const f = this.b.newNode();
    this.cond(n, t, f);
    return this.join(
      [
        { node: t, v: { e: trueExpr, bool: true } },
        { node: f, v: { e: constant(boolType, 0n), bool: true } },
      ],
      this.span(n),
    );
  }

  value(n: SyntaxNode): Val {
    switch (n.type) {
      case 'parenthesized_expression':
        return this.value(this.inner(n));
      case 'integer': {
        const text = n.text.replace(/_/g, '');
        if (!/^(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|[0-9]+)$/.test(text))
          return this.unsupported(n, 'floating-point and complex numbers');
        if (/^0[0-9]/.test(text) && !/^0+$/.test(text))
          return this.fail(n, 'syntax error: leading zeros in a decimal literal', 'syntax-error');
        return { e: constant(intType, BigInt(/^0+$/.test(text) ? '0' : text)), bool: false };
      }
      case 'true':
        return { e: trueExpr, bool: true };
      case 'false':
        return { e: constant(boolType, 0n), bool: true };
      case 'identifier':
        return this.name(n);
      case 'unary_operator': {
        const op = this.field(n, 'operator').text;
        const v = this.value(this.field(n, 'argument'));
        if (op === '+') return { e: toInt(v), bool: false };
        if (op === '-') {
          const a = toInt(v);
          if (a.kind === 'const') return { e: constant(intType, -a.value), bool: false };
          return { e: { kind: 'unary', type: intType, op: 'neg', arg: a }, bool: false };
        }
        return this.unsupported(n, `the bitwise operator ${op}`);
      }
      case 'not_operator':
        return { e: notExpr(truthy(this.value(this.field(n, 'argument')))), bool: true };
      case 'binary_operator': {
        const opText = this.field(n, 'operator').text;
        const op = ARITH[opText];
        if (op === undefined && opText !== '**') {
          const what =
            opText === '/' ? 'true division / (it gives a float)' : `the operator ${opText}`;
          return this.unsupported(n, what);
        }
        const a = this.value(this.field(n, 'left'));
        const b = this.value(this.field(n, 'right'));
        const e = op === undefined ? this.power(a, b, n) : this.arith(op, a, b, n);
        return { e, bool: false };
      }
      case 'comparison_operator': {
        const { operands, ops } = this.comparison(n);
        if (ops.length > 1) return this.viaCond(n);
        const a = this.value(operands[0]);
        const b = this.value(operands[1]);
        return {
          e: { kind: 'compare', type: boolType, op: ops[0], left: toInt(a), right: toInt(b) },
          bool: true,
        };
      }
      case 'boolean_operator':
        return this.andOr(n);
      case 'conditional_expression': {
        const [x, c, y] = named(n);
        if (x === undefined || c === undefined || y === undefined)
          return this.fail(n, 'syntax error: incomplete conditional expression', 'syntax-error');
        const t = this.b.newNode();
        const f = this.b.newNode();
        this.cond(c, t, f);
        this.b.cur = t;
        const vx = this.value(x);
        const tEnd = this.b.cur;
        this.b.cur = f;
        const vy = this.value(y);
        return this.join(
          [
            { node: tEnd, v: vx },
            { node: this.b.cur, v: vy },
          ],
          this.span(n),
        );
      }
      case 'call': {
        const v = this.call(n, true);
        if (v === null) return this.fail(n, 'internal: call without a value');
        return v;
      }
      default:
        return this.unsupported(n);
    }
  }

  private andOr(n: SyntaxNode): Val {
    const and = this.field(n, 'operator').text === 'and';
    const a = this.value(this.field(n, 'left'));
    const c = truthy(a);
    if (c.kind === 'const') {
      // `x and y` is y when x is truthy, else x (`or` the other way round).
      if ((c.value !== 0n) === and) return this.value(this.field(n, 'right'));
      return a;
    }
    const evalNode = this.b.newNode();
    const shortNode = this.b.newNode();
    this.branch(c, and ? evalNode : shortNode, and ? shortNode : evalNode, this.span(n));
    this.b.cur = evalNode;
    const b = this.value(this.field(n, 'right'));
    return this.join(
      [
        { node: this.b.cur, v: b },
        { node: shortNode, v: a },
      ],
      this.span(n),
    );
  }

  arith(op: BinaryOp, a: Val, b: Val, n: SyntaxNode): Expr {
    const l = toInt(a);
    const r = toInt(b);
    if (op === 'floordiv' || op === 'floormod') {
      const ok: Expr =
        r.kind === 'const'
          ? constant(boolType, r.value !== 0n ? 1n : 0n)
          : { kind: 'compare', type: boolType, op: 'ne', left: r, right: constant(intType, 0n) };
      this.check(
        'div-by-zero',
        n,
        n.startIndex,
        ok,
        `${shortText(n)}: the divisor is not 0 (else ZeroDivisionError)`,
      );
    }
    return { kind: 'binary', type: intType, op, left: l, right: r };
  }

  /** Whether `name` is Python's builtin in module scope (no def, import or assignment rebinds it). */
  moduleBuiltin(name: string): boolean {
    return !this.mod.functions.has(name) && !this.mod.bound.has(name) && !this.mod.starImport;
  }

  /** `a ** b` with a constant non-negative `b`; anything else is outside the subset. */
  power(a: Val, b: Val, n: SyntaxNode): Expr {
    const exponent = toInt(b);
    if (exponent.kind !== 'const')
      return this.unsupported(n, 'the power operator ** with an exponent that is not a constant');
    const r = powerExpr(toInt(a), exponent.value, this.temps(n));
    return r.ok ? r.e : this.unsupported(n, r.why);
  }

  /** Keeps a constant or variable; stores anything else in a temporary, so it can be used twice. */
  temps(n: SyntaxNode): Temps {
    return (e: Expr): Expr =>
      e.kind === 'const' || e.kind === 'var' ? e : this.stable(e, this.span(n));
  }

  /** Whether `name` is Python's builtin in the current function. */
  builtin(name: string): boolean {
    return !this.frame.vars.has(name) && this.moduleBuiltin(name);
  }

  name(n: SyntaxNode): Val {
    const x = n.text;
    const v = this.frame.vars.get(x);
    if (v === undefined) {
      if (this.mod.functions.has(x)) return this.unsupported(n, 'functions used as values');
      return this.fail(
        n,
        `the name ${x} is not a parameter or local of ${this.frame.name}; globals and builtins are not supported by arc's Python subset`,
      );
    }
    if (this.da !== null && !this.da.has(x))
      this.fail(n, `${x} may be read before it is assigned (UnboundLocalError is not modelled)`);
    return { e: variable(v, intType), bool: false };
  }

  /** A call (calls.ts); null when it has no value (a function returning None, print). */
  call(n: SyntaxNode, wantValue: boolean): Val | null {
    return this.lowerCall(this, n, wantValue);
  }
}
