/**
 * Lowering of C expressions to the IR, with C11's integer semantics made
 * explicit: every operand is converted by a `cast` to the type the integer
 * promotions / usual arithmetic conversions give, and every operation that can
 * have undefined behaviour is preceded, on the path where it is evaluated, by
 * an `assert` edge with its own property.
 *
 * Choice for shifts (C11 6.5.7): the amount check ("in [0, width)") and the
 * "left operand of << is not negative" check are `shift` properties; "the
 * result of a signed << is representable" is an `overflow` property (the IR
 * `overflow` node with op `shl`, evaluated after the other two have been
 * assumed). `>>` of a negative value is implementation-defined (arithmetic in
 * gcc), not checked. Conversions to signed types wrap (gcc), unchecked.
 *
 * Expressions with side effects are lowered left to right after a check
 * (src/frontends/c/effects.ts) that the order cannot matter; `&&`, `||` and
 * `?:` become control flow when their later operands emit edges.
 *
 * Calls are lowered by calls.ts, which inlines the callee's statements
 * (stmt.ts), and both lower their expressions here. So that no module imports
 * itself in a circle, this one imports neither: the `Lowerer` is given the
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
  variable,
  type Expr,
  type PropertyKind,
  type Type,
} from '../../ir/ir.js';
import { FnBuilder } from '../builder.js';
import {
  cRange,
  integerConstant,
  irTypeOf,
  isBool,
  promote,
  usualArithmetic,
  type CInt,
  type CType,
} from './ctypes.js';
import { effectsOf, type CalleeEffects } from './effects.js';
import { LowerError } from '../errors.js';
import { binary, cast, compare, exprRange, isConst, ite, not, overflow, unary } from './fold.js';
import type { SyntaxNode } from './parser.js';
import { charValue, qualifiers, type GlobalInfo, type ProgramInfo } from './program.js';
import type { SourceMap } from './srcmap.js';

/** A lowered rvalue: a pure IR expression of `irTypeOf(t)`. */
export interface Val {
  readonly e: Expr;
  readonly t: CInt;
}

export type Binding =
  | { readonly kind: 'var'; readonly name: string; readonly type: CInt }
  | { readonly kind: 'unsupported'; readonly what: string };

export class Scope {
  private readonly map = new Map<string, Binding>();
  constructor(readonly parent: Scope | null) {}
  set(name: string, b: Binding): void {
    this.map.set(name, b);
  }
  lookup(name: string): Binding | null {
    return this.map.get(name) ?? this.parent?.lookup(name) ?? null;
  }
}

/** Per inlined function instance. */
export interface Frame {
  /** The function whose source is being lowered (owner of property ids). */
  readonly name: string;
  readonly returnType: CType;
  readonly retVar: string | null;
  readonly exit: number;
  readonly isMain: boolean;
  /** Prefix of this instance's variable names: "" for the entry, "g::" for an inlined g. */
  readonly prefix: string;
  readonly labels: Map<string, { node: number; defined: boolean; use: SyntaxNode }>;
  readonly breaks: number[];
  readonly conts: number[];
}

export interface LowerSettings {
  readonly math: boolean;
  /** Globals start with their initialisers (entry `main`) or are arbitrary parameters. */
  readonly globalsInitialised: boolean;
  readonly calleeEffects: CalleeEffects;
  /** Bounded inlining of recursion (see CFrontendOptions.recursionDepth). */
  readonly recursionDepth?: number;
}

/**
 * Lowers a call expression (calls.ts's `lowerCall`); null for a call without
 * a value. `used`: whether the value is needed.
 */
export type CallLowering = (lw: Lowerer, node: SyntaxNode, used: boolean) => Val | null;

type ArithOp = '+' | '-' | '*' | '/' | '%' | '<<' | '>>' | '&' | '|' | '^';

const IR_ARITH = {
  '+': 'add',
  '-': 'sub',
  '*': 'mul',
  '/': 'div',
  '%': 'rem',
  '&': 'bitand',
  '|': 'bitor',
  '^': 'bitxor',
} as const;

const IR_COMPARE = {
  '==': 'eq',
  '!=': 'ne',
  '<': 'lt',
  '<=': 'le',
  '>': 'gt',
  '>=': 'ge',
} as const;

export class Lowerer {
  readonly b = new FnBuilder();
  readonly notes: Diagnostic[] = [];
  readonly callStack: string[] = [];
  readonly callCount = new Map<string, number>();
  /** Globals used so far: source name → IR variable. */
  readonly globals = new Map<string, { name: string; info: GlobalInfo; type: CInt }>();
  frame!: Frame;
  scope: Scope = new Scope(null);
  halt: number | null = null;
  /** Where calls to undefined functions must havoc every global (filled in at the end). */
  readonly globalHavocs: { from: number; to: number; source: string; span: SourceSpan }[] = [];

  constructor(
    readonly prog: ProgramInfo,
    readonly sm: SourceMap,
    readonly settings: LowerSettings,
    private readonly lowerCall: CallLowering,
  ) {}

  get T(): ProgramInfo['T'] {
    return this.prog.T;
  }

  span(node: SyntaxNode): SourceSpan {
    return this.sm.span(node.startIndex, node.endIndex);
  }

  fail(node: SyntaxNode, message: string, code: DiagnosticCode = 'unsupported'): never {
    throw new LowerError(diagnostic(code, 'error', message, this.span(node)));
  }

  unsupported(node: SyntaxNode, what: string): never {
    return this.fail(node, `unsupported: ${what}`);
  }

  irT(t: CInt): Type {
    return irTypeOf(t, this.settings.math);
  }

  intType(t: CType, node: SyntaxNode): CInt {
    if (t.kind === 'int') return t;
    if (t.kind === 'void') return this.fail(node, 'a void value is used', 'type-error');
    return this.unsupported(node, t.what);
  }

  // ---- conversions -------------------------------------------------------

  /** The value as an IR bool (C's "compares unequal to 0"). */
  cond(v: Val): Expr {
    if (v.e.type.kind === 'bool') return v.e;
    if (v.e.kind === 'cast' && v.e.arg.type.kind === 'bool') return v.e.arg;
    return compare('ne', v.e, constant(v.e.type, 0n));
  }

  /** Conversion of a value to a C integer type (C11 6.3.1.2, 6.3.1.3; signed targets wrap). */
  conv(v: Val, to: CInt): Expr {
    if (isBool(to)) return this.cond(v);
    return cast(v.e, this.irT(to));
  }

  boolVal(e: Expr): Val {
    return { e: cast(e, this.irT(this.T.int)), t: this.T.int };
  }

  intConst(value: bigint, t: CInt = this.T.int): Val {
    return { e: constant(this.irT(t), value), t };
  }

  // ---- checks ------------------------------------------------------------

  check(
    kind: PropertyKind,
    node: SyntaxNode,
    pos: number,
    tag: number,
    ok: Expr,
    what: string,
  ): void {
    if (isConst(ok) && ok.value !== 0n) return;
    const span = this.span(node);
    const key = this.b.property({
      owner: this.frame.name,
      kind,
      pos,
      tag,
      description: what,
      span,
    });
    this.b.emit({ kind: 'assert', cond: ok, property: key }, span);
  }

  text(node: SyntaxNode): string {
    const t = node.text.replace(/\s+/g, ' ').trim();
    return t.length > 60 ? `${t.slice(0, 57)}...` : t;
  }

  // ---- full expressions ----------------------------------------------------

  /** Checks that evaluation order cannot matter, then lowers. */
  full(node: SyntaxNode, used: boolean): Val | null {
    const out = { conflict: null as null | { node: SyntaxNode; variable: string } };
    effectsOf(node, this.settings.calleeEffects, out);
    if (out.conflict)
      this.unsupported(
        out.conflict.node,
        `${out.conflict.variable} is modified and also used or modified elsewhere in this expression without a sequence point between them (the result depends on the unspecified evaluation order)`,
      );
    return this.exprVoid(node, used);
  }

  fullValue(node: SyntaxNode): Val {
    const v = this.full(node, true);
    if (v === null) return this.fail(node, 'a void value is used', 'type-error');
    return v;
  }

  fullCond(node: SyntaxNode): Expr {
    return this.cond(this.fullValue(node));
  }

  expr(node: SyntaxNode): Val {
    const v = this.exprVoid(node, true);
    if (v === null) return this.fail(node, 'a void value is used', 'type-error');
    return v;
  }

  /** Lowers an expression; null for a void one. `used`: whether its value is needed. */
  exprVoid(node: SyntaxNode, used: boolean): Val | null {
    switch (node.type) {
      case 'parenthesized_expression':
        return this.exprVoid(this.only(node), used);
      case 'number_literal':
        return this.number(node);
      case 'char_literal':
        return this.charLit(node);
      case 'true':
      case 'false':
        return this.intConst(
          this.prog.enumConsts.get(node.type) ?? (node.type === 'true' ? 1n : 0n),
        );
      case 'identifier':
        return this.identifier(node);
      case 'binary_expression':
        return this.binaryExpr(node);
      case 'unary_expression':
        return this.unaryExpr(node);
      case 'update_expression':
        return this.update(node, used);
      case 'assignment_expression':
        return this.assignment(node);
      case 'conditional_expression':
        return this.conditional(node, used);
      case 'comma_expression': {
        this.exprVoid(this.field(node, 'left'), false);
        return this.exprVoid(this.field(node, 'right'), used);
      }
      case 'cast_expression':
        return this.castExpr(node, used);
      case 'sizeof_expression':
        return this.sizeofExpr(node);
      case 'call_expression':
        return this.lowerCall(this, node, used);
      default:
        return this.unsupported(node, EXPR_WHAT[node.type] ?? `the expression ${this.text(node)}`);
    }
  }

  only(node: SyntaxNode): SyntaxNode {
    const c = node.namedChildren.find((n) => n.type !== 'comment');
    return c ?? this.fail(node, 'empty expression', 'syntax-error');
  }

  field(node: SyntaxNode, name: string): SyntaxNode {
    return node.childForFieldName(name) ?? this.fail(node, `missing ${name}`, 'syntax-error');
  }

  opText(node: SyntaxNode): { op: string; pos: number } {
    const o = node.childForFieldName('operator');
    return { op: o?.text ?? '', pos: o?.startIndex ?? node.startIndex };
  }

  private number(node: SyntaxNode): Val {
    const sign = /^[-+]/.exec(node.text)?.[0];
    if (sign !== undefined) return this.signedNumber(node, sign);
    const text = node.text;
    if (/^0[xX].*[pP]|^[^xX]*[.eE]|[fF]$/.test(text) && !/^0[xX][0-9a-fA-F]+[uUlL]*$/.test(text))
      return this.unsupported(node, `floating point (${text})`);
    const c = integerConstant(text, this.T);
    if (!c.ok) return this.unsupported(node, c.reason);
    return this.intConst(c.value, c.type);
  }

  /** tree-sitter folds a sign into number literals: `-1` is `-(1)` in C. */
  private signedNumber(node: SyntaxNode, sign: string): Val {
    const c = integerConstant(node.text.slice(1).trim(), this.T);
    if (!c.ok) return this.unsupported(node, c.reason);
    const t = promote(c.type, this.T);
    const e = this.conv(this.intConst(c.value, c.type), t);
    if (sign === '+') return { e, t };
    if (t.signed && !this.settings.math)
      this.check(
        'overflow',
        node,
        node.startIndex,
        0,
        not(overflow('neg', [e])),
        `${node.text} does not overflow ${t.name}`,
      );
    return { e: unary('neg', e), t };
  }

  private charLit(node: SyntaxNode): Val {
    const v = charValue(node.text);
    if (v === null) return this.unsupported(node, `the character constant ${node.text}`);
    return this.intConst(v);
  }

  // ---- variables ---------------------------------------------------------------

  identifier(node: SyntaxNode): Val {
    const name = node.text;
    const b = this.scope.lookup(name);
    if (b) {
      if (b.kind === 'unsupported') return this.unsupported(node, `${b.what} (variable ${name})`);
      return { e: variable(b.name, this.irT(b.type)), t: b.type };
    }
    const k = this.prog.enumConsts.get(name);
    if (k !== undefined) return this.intConst(k);
    const g = this.prog.globals.get(name);
    if (g) {
      const v = this.globalVar(g, node);
      return { e: variable(v.name, this.irT(v.type)), t: v.type };
    }
    if (this.prog.functions.has(name))
      return this.unsupported(node, `function pointers (the function ${name} used as a value)`);
    return this.fail(node, `${name} is not declared`, 'type-error');
  }

  globalVar(info: GlobalInfo, use: SyntaxNode): { name: string; type: CInt } {
    const known = this.globals.get(info.name);
    if (known) return known;
    if (info.type.kind !== 'int')
      return this.unsupported(
        use,
        `${info.type.kind === 'void' ? 'void' : info.type.what} (global ${info.name})`,
      );
    const type = info.type;
    const name = this.b.fresh(info.name);
    const v = {
      name,
      type: this.irT(type),
      sourceName: info.name,
      sourceType: type.name,
      span: this.span(info.node),
    };
    this.b.addVar(v, !this.settings.globalsInitialised);
    const g = { name, info, type };
    this.globals.set(info.name, g);
    return g;
  }

  /** The variable an assignment writes. */
  lvalue(node: SyntaxNode): { name: string; type: CInt } {
    if (node.type === 'parenthesized_expression') return this.lvalue(this.only(node));
    if (node.type !== 'identifier')
      return this.unsupported(node, `assignment to ${EXPR_WHAT[node.type] ?? this.text(node)}`);
    const b = this.scope.lookup(node.text);
    if (b?.kind === 'var') return b;
    if (b?.kind === 'unsupported')
      return this.unsupported(node, `${b.what} (variable ${node.text})`);
    const g = this.prog.globals.get(node.text);
    if (g) return this.globalVar(g, node);
    return this.fail(node, `${node.text} is not an assignable variable`, 'type-error');
  }

  // ---- operators -------------------------------------------------------------

  private binaryExpr(node: SyntaxNode): Val {
    const { op, pos } = this.opText(node);
    if (op === '&&' || op === '||') return this.logical(node, op);
    const a = this.expr(this.field(node, 'left'));
    const b = this.expr(this.field(node, 'right'));
    if (op in IR_COMPARE) {
      const t = usualArithmetic(a.t, b.t, this.T);
      const cmp = IR_COMPARE[op as keyof typeof IR_COMPARE];
      return this.boolVal(compare(cmp, this.conv(a, t), this.conv(b, t)));
    }
    return this.arith(op as ArithOp, a, b, node, pos);
  }

  /** `a op b` for an arithmetic operator, with its undefined-behaviour checks. */
  arith(op: ArithOp, a: Val, b: Val, node: SyntaxNode, pos: number): Val {
    if (op === '<<' || op === '>>') return this.shift(op, a, b, node, pos);
    if (this.settings.math && (op === '&' || op === '|' || op === '^'))
      return this.unsupported(
        node,
        `the bitwise operator ${op} under mathematical-integer semantics`,
      );
    const t = usualArithmetic(a.t, b.t, this.T);
    const ea = this.conv(a, t);
    const eb = this.conv(b, t);
    const irop = IR_ARITH[op];
    const checked = t.signed && !this.settings.math;
    if (op === '/' || op === '%') {
      const what = `${this.text(node)}: the divisor is not 0`;
      this.check('div-by-zero', node, pos, 0, compare('ne', eb, constant(eb.type, 0n)), what);
      if (checked)
        this.check(
          'overflow',
          node,
          pos,
          0,
          not(overflow('div', [ea, eb])),
          `${this.text(node)} does not overflow ${t.name} (not ${t.name === 'int' ? 'INT_MIN' : 'the minimum'} ${op} -1)`,
        );
    } else if (checked && (irop === 'add' || irop === 'sub' || irop === 'mul')) {
      this.check(
        'overflow',
        node,
        pos,
        0,
        not(overflow(irop, [ea, eb])),
        `${this.text(node)} does not overflow ${t.name}`,
      );
    }
    return { e: binary(irop, ea, eb), t };
  }

  private shift(op: '<<' | '>>', a: Val, b: Val, node: SyntaxNode, pos: number): Val {
    if (this.settings.math)
      return this.unsupported(
        node,
        `the shift operator ${op} under mathematical-integer semantics`,
      );
    const L = promote(a.t, this.T);
    const R = promote(b.t, this.T);
    const ea = this.conv(a, L);
    const amount = this.conv(b, R);
    const inRange = binary(
      'and',
      R.signed ? compare('ge', amount, constant(amount.type, 0n)) : constant(boolType, 1n),
      compare('lt', amount, constant(amount.type, BigInt(L.width))),
    );
    this.check(
      'shift',
      node,
      pos,
      0,
      inRange,
      `${this.text(node)}: the shift amount is in [0, ${L.width})`,
    );
    const eb = cast(amount, ea.type);
    if (op === '<<' && L.signed) {
      const nonNegative = (exprRange(ea)?.min ?? -1n) >= 0n;
      this.check(
        'shift',
        node,
        pos,
        1,
        nonNegative ? constant(boolType, 1n) : compare('ge', ea, constant(ea.type, 0n)),
        `${this.text(node)}: the left operand of << is not negative`,
      );
      this.check(
        'overflow',
        node,
        pos,
        1,
        not(overflow('shl', [ea, eb])),
        `${this.text(node)} does not overflow ${L.name}`,
      );
    }
    return { e: binary(op === '<<' ? 'shl' : 'shr', ea, eb), t: L };
  }

  private unaryExpr(node: SyntaxNode): Val {
    const { op, pos } = this.opText(node);
    const a = this.expr(this.field(node, 'argument'));
    if (op === '!') return this.boolVal(not(this.cond(a)));
    const t = promote(a.t, this.T);
    const e = this.conv(a, t);
    if (op === '+') return { e, t };
    if (op === '~') {
      if (this.settings.math)
        return this.unsupported(node, 'the operator ~ under mathematical-integer semantics');
      return { e: unary('bitnot', e), t };
    }
    if (op !== '-') return this.unsupported(node, `the operator ${op}`);
    if (t.signed && !this.settings.math)
      this.check(
        'overflow',
        node,
        pos,
        0,
        not(overflow('neg', [e])),
        `${this.text(node)} does not overflow ${t.name}`,
      );
    return { e: unary('neg', e), t };
  }

  private update(node: SyntaxNode, used: boolean): Val {
    const { op, pos } = this.opText(node);
    const arg = this.field(node, 'argument');
    const target = this.lvalue(arg);
    const old: Val = { e: variable(target.name, this.irT(target.type)), t: target.type };
    const prefix = pos < arg.startIndex;
    let result: Val = old;
    if (!prefix && used) {
      const tmp = this.temp(target.type, `${target.name} before ${op}`);
      this.b.emit({ kind: 'assign', target: tmp, value: old.e }, this.span(node));
      result = { e: variable(tmp, old.e.type), t: target.type };
    }
    const next = this.arith(op === '++' ? '+' : '-', old, this.intConst(1n), node, pos);
    this.b.emit(
      { kind: 'assign', target: target.name, value: this.conv(next, target.type) },
      this.span(node),
    );
    return result;
  }

  private assignment(node: SyntaxNode): Val {
    const { op, pos } = this.opText(node);
    const target = this.lvalue(this.field(node, 'left'));
    const right = this.expr(this.field(node, 'right'));
    const old: Val = { e: variable(target.name, this.irT(target.type)), t: target.type };
    const value =
      op === '=' ? right : this.arith(op.slice(0, -1) as ArithOp, old, right, node, pos);
    this.b.emit(
      { kind: 'assign', target: target.name, value: this.conv(value, target.type) },
      this.span(node),
    );
    return old;
  }

  temp(t: CInt, source: string): string {
    return this.tempOf(this.irT(t), t.name, source);
  }

  tempOf(type: Type, sourceType: string, source: string): string {
    const name = this.b.fresh('$t');
    this.b.addVar({ name, type, sourceName: source, sourceType });
    return name;
  }

  // ---- control flow inside expressions ------------------------------------------------

  /**
   * Lowers `node` at a fresh node; if it emitted no edges, discards the node
   * and returns the pure value, else returns where it ended.
   */
  private speculate(
    node: SyntaxNode,
    used: boolean,
  ): { v: Val | null; start: number | null; end: number | null } {
    const saved = this.b.cur;
    const before = this.b.edges.length;
    const start = this.b.newNode();
    this.b.cur = start;
    const v = this.exprVoid(node, used);
    const end = this.b.cur;
    this.b.cur = saved;
    if (this.b.edges.length === before && end === start) return { v, start: null, end: null };
    return { v, start, end };
  }

  private logical(node: SyntaxNode, op: '&&' | '||'): Val {
    const ca = this.cond(this.expr(this.field(node, 'left')));
    const right = this.speculate(this.field(node, 'right'), true);
    if (right.v === null) return this.fail(node, 'a void value is used', 'type-error');
    const cb = this.cond(right.v);
    if (right.start === null) return this.boolVal(binary(op === '&&' ? 'and' : 'or', ca, cb));
    const r = this.tempOf(boolType, '_Bool', this.text(node));
    const span = this.span(node);
    const from = this.b.here();
    const join = this.b.newNode();
    const short = this.b.newNode();
    const [toRight, toShort] = op === '&&' ? [ca, not(ca)] : [not(ca), ca];
    this.b.edge(from, right.start, { kind: 'assume', cond: toRight }, span);
    this.b.edge(from, short, { kind: 'assume', cond: toShort }, span);
    this.b.edge(
      short,
      join,
      { kind: 'assign', target: r, value: constant(boolType, op === '&&' ? 0n : 1n) },
      span,
    );
    if (right.end !== null)
      this.b.edge(right.end, join, { kind: 'assign', target: r, value: cb }, span);
    this.b.cur = join;
    return this.boolVal(variable(r, boolType));
  }

  private conditional(node: SyntaxNode, used: boolean): Val | null {
    const c = this.cond(this.expr(this.field(node, 'condition')));
    const th = this.speculate(this.field(node, 'consequence'), used);
    const el = this.speculate(this.field(node, 'alternative'), used);
    if (th.v === null || el.v === null) return this.conditionalVoid(c, th, el, node);
    const t = usualArithmetic(th.v.t, el.v.t, this.T);
    const te = this.conv(th.v, t);
    const ee = this.conv(el.v, t);
    if (th.start === null && el.start === null) return { e: ite(c, te, ee), t };
    const r = this.temp(t, this.text(node));
    const span = this.span(node);
    const from = this.b.here();
    const join = this.b.newNode();
    for (const [branch, cond, value] of [
      [th, c, te],
      [el, not(c), ee],
    ] as const) {
      const start = branch.start ?? this.b.newNode();
      const end = branch.start === null ? start : branch.end;
      this.b.edge(from, start, { kind: 'assume', cond }, span);
      if (end !== null) this.b.edge(end, join, { kind: 'assign', target: r, value }, span);
    }
    this.b.cur = join;
    return { e: variable(r, this.irT(t)), t };
  }

  private conditionalVoid(
    c: Expr,
    th: { start: number | null; end: number | null },
    el: { start: number | null; end: number | null },
    node: SyntaxNode,
  ): null {
    const span = this.span(node);
    const from = this.b.here();
    const join = this.b.newNode();
    for (const [branch, cond] of [
      [th, c],
      [el, not(c)],
    ] as const) {
      const start = branch.start ?? this.b.newNode();
      const end = branch.start === null ? start : branch.end;
      this.b.edge(from, start, { kind: 'assume', cond }, span);
      if (end !== null) this.b.edge(end, join, { kind: 'skip' }, span);
    }
    this.b.cur = join;
    return null;
  }

  // ---- casts and sizeof ------------------------------------------------------------

  typeName(desc: SyntaxNode): CType {
    const typeNode = this.field(desc, 'type');
    const base = this.prog.baseType(typeNode, qualifiers(desc));
    const d = desc.childForFieldName('declarator');
    return d ? this.prog.declarator(d, base).type : base;
  }

  private castExpr(node: SyntaxNode, used: boolean): Val | null {
    const t = this.typeName(this.field(node, 'type'));
    const value = this.field(node, 'value');
    if (t.kind === 'void') {
      this.exprVoid(value, false);
      return null;
    }
    const target = this.intType(t, node);
    const v = this.exprVoid(value, used);
    if (v === null) return this.fail(node, 'a void value is cast', 'type-error');
    return { e: this.conv(v, target), t: target };
  }

  private sizeofExpr(node: SyntaxNode): Val {
    const size = this.T.ulong.width === 64 ? this.T.ulong : this.T.uint;
    const desc = node.childForFieldName('type');
    let t: CType;
    if (desc) t = this.typeName(desc);
    else {
      let v = this.field(node, 'value');
      while (v.type === 'parenthesized_expression') v = this.only(v);
      if (v.type !== 'identifier')
        return this.unsupported(node, 'sizeof of an expression other than a variable');
      const b = this.scope.lookup(v.text);
      const g = this.prog.globals.get(v.text);
      t =
        b?.kind === 'var'
          ? b.type
          : b
            ? { kind: 'unsupported', what: b.what }
            : (g?.type ?? { kind: 'unsupported', what: `sizeof ${v.text}` });
    }
    const it = this.intType(t, node);
    return this.intConst(BigInt(isBool(it) ? 1 : it.width / 8), size);
  }

  /** Range check helper for callers that need a C type's range as IR constants. */
  rangeOf(t: CInt): { min: bigint; max: bigint } {
    return cRange(t);
  }
}

const EXPR_WHAT: Record<string, string> = {
  subscript_expression: 'arrays',
  pointer_expression: 'pointers (& and *)',
  field_expression: 'structs and unions',
  string_literal: 'strings',
  concatenated_string: 'strings',
  compound_literal_expression: 'compound literals',
  gnu_asm_expression: 'inline assembly',
  generic_expression: '_Generic',
  offsetof_expression: 'offsetof',
  alignof_expression: '_Alignof',
  null: 'pointers (NULL)',
  compound_statement: 'statement expressions',
  initializer_list: 'initializer lists',
};
