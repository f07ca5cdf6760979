/**
 * Differential test: random structured C functions — `switch` with
 * fall-through and `default`, bounded `for` / `while` / `do` loops with
 * `break` / `continue`, compound assignments, `++` / `--`, casts among
 * `signed char` … `unsigned long long`, `?:`, `&&` / `||`, a helper function
 * called from the entry, early `return`s and forward `goto`s — over one or two
 * `unsigned char` / `signed char` parameters, so every input can be run.
 *
 * The oracle is the real compiler: each function is compiled ONCE with gcc and
 * UBSan into a harness that runs every input (a forked child runs inputs in
 * order; when UBSan aborts on one, the next child resumes after it). Then
 * - arc says yes  → no input returns 0 and none is undefined;
 * - arc says no   → its counterexample input fails the same way (returns 0, or
 *                   UB at the same source line) when gcc runs it;
 * - arc says don't know → allowed, but rare (counted and bounded).
 * gcc narrows some arithmetic (an `unsigned short` product) and folds some
 * operations away, so UBSan misses a few C-standard overflows: a no whose
 * witness gcc runs cleanly is re-checked by an exact (BigInt) evaluator of the
 * generated program written here, and counted. The same evaluator is checked
 * against gcc on a sample of inputs of every function.
 *
 * The seed is fixed; set ARC_DIFF_SEED / ARC_DIFF_COUNT to explore.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { prove } from '../../src/index.js';
import { Random, describeVerdict, gccAvailable, prng } from './support.js';

// ---------------------------------------------------------------- C types

interface CType {
  readonly name: string;
  readonly bits: 8 | 16 | 32 | 64;
  readonly signed: boolean;
}
const UCHAR: CType = { name: 'unsigned char', bits: 8, signed: false };
const SCHAR: CType = { name: 'signed char', bits: 8, signed: true };
const USHORT: CType = { name: 'unsigned short', bits: 16, signed: false };
const SHORT: CType = { name: 'short', bits: 16, signed: true };
const INT: CType = { name: 'int', bits: 32, signed: true };
const UINT: CType = { name: 'unsigned', bits: 32, signed: false };
const LLONG: CType = { name: 'long long', bits: 64, signed: true };
const ULLONG: CType = { name: 'unsigned long long', bits: 64, signed: false };
const LOCAL_TYPES = [
  SCHAR,
  UCHAR,
  SHORT,
  USHORT,
  INT,
  INT,
  UINT,
  UINT,
  LLONG,
  LLONG,
  ULLONG,
] as const;
const CAST_TYPES = [SCHAR, UCHAR, SHORT, USHORT, INT, UINT, LLONG, ULLONG] as const;

function promote(t: CType): CType {
  return t.bits < 32 ? INT : t;
}
/** The usual arithmetic conversions (C11 6.3.1.8) for these types. */
function common(a: CType, b: CType): CType {
  const pa = promote(a);
  const pb = promote(b);
  if (pa === pb) return pa;
  if (pa.signed === pb.signed) return pa.bits >= pb.bits ? pa : pb;
  const u = pa.signed ? pb : pa;
  const s = pa.signed ? pa : pb;
  return u.bits >= s.bits ? u : s;
}
/** Conversion to `t`: modulo 2^bits (gcc's choice for signed targets too). */
function convert(v: bigint, t: CType): bigint {
  return t.signed ? BigInt.asIntN(t.bits, v) : BigInt.asUintN(t.bits, v);
}
function limits(t: CType): [bigint, bigint] {
  const b = BigInt(t.bits);
  return t.signed ? [-(1n << (b - 1n)), (1n << (b - 1n)) - 1n] : [0n, (1n << b) - 1n];
}

// ---------------------------------------------------------------- AST

type ArithOp = '+' | '-' | '*' | '/' | '%' | '<<' | '>>' | '&' | '|' | '^';
type CmpOp = '<' | '<=' | '>' | '>=' | '==' | '!=';
type AssignOp = '=' | `${ArithOp}=`;

interface Var {
  readonly name: string;
  readonly type: CType;
}

type Expr =
  | { readonly k: 'var'; readonly v: Var }
  | { readonly k: 'const'; readonly value: bigint; readonly type: CType; readonly text: string }
  | { readonly k: 'unary'; readonly op: '-' | '~' | '!'; readonly arg: Expr }
  | {
      readonly k: 'binary';
      readonly op: ArithOp | CmpOp;
      readonly left: Expr;
      readonly right: Expr;
    }
  | { readonly k: 'logical'; readonly op: '&&' | '||'; readonly left: Expr; readonly right: Expr }
  | { readonly k: 'cond'; readonly c: Expr; readonly t: Expr; readonly e: Expr }
  | { readonly k: 'cast'; readonly type: CType; readonly arg: Expr }
  | { readonly k: 'call'; readonly args: readonly Expr[] };

interface SwitchClause {
  /** Case values as written (converted to the promoted controlling type), or 'default'. */
  readonly labels: readonly (number | 'default')[];
  readonly body: readonly Stmt[];
}

type Stmt =
  | { readonly k: 'assign'; readonly v: Var; readonly op: AssignOp; readonly e: Expr }
  | {
      readonly k: 'incdec';
      readonly v: Var;
      readonly op: '++' | '--';
      readonly pre: boolean;
      readonly dst?: Var;
    }
  | {
      readonly k: 'if';
      readonly cond: Expr;
      readonly then: readonly Stmt[];
      readonly else?: readonly Stmt[];
    }
  | { readonly k: 'for'; readonly iv: Var; readonly n: number; readonly body: readonly Stmt[] }
  | { readonly k: 'while'; readonly cv: Var; readonly n: number; readonly body: readonly Stmt[] }
  | { readonly k: 'do'; readonly cv: Var; readonly n: number; readonly body: readonly Stmt[] }
  | { readonly k: 'switch'; readonly e: Expr; readonly clauses: readonly SwitchClause[] }
  | { readonly k: 'return'; readonly e: Expr }
  | { readonly k: 'goto'; readonly label: string }
  | { readonly k: 'label'; readonly label: string }
  | { readonly k: 'break' }
  | { readonly k: 'continue' };

interface Func {
  readonly name: string;
  readonly ret: CType;
  readonly params: readonly Var[];
  readonly decls: readonly { readonly v: Var; readonly init: Expr }[];
  readonly body: readonly Stmt[];
}

interface Program {
  readonly helper?: Func;
  readonly entry: Func;
}

const typeCache = new WeakMap<Expr, CType>();

function typeOf(e: Expr, helper: Func | undefined): CType {
  let t = typeCache.get(e);
  if (t === undefined) {
    t = computeType(e, helper);
    typeCache.set(e, t);
  }
  return t;
}

function computeType(e: Expr, helper: Func | undefined): CType {
  switch (e.k) {
    case 'var':
      return e.v.type;
    case 'const':
      return e.type;
    case 'unary':
      return e.op === '!' ? INT : promote(typeOf(e.arg, helper));
    case 'binary':
      if (e.op === '<<' || e.op === '>>') return promote(typeOf(e.left, helper));
      if (['<', '<=', '>', '>=', '==', '!='].includes(e.op)) return INT;
      return common(typeOf(e.left, helper), typeOf(e.right, helper));
    case 'logical':
      return INT;
    case 'cond':
      return common(typeOf(e.t, helper), typeOf(e.e, helper));
    case 'cast':
      return e.type;
    case 'call':
      if (helper === undefined) throw new Error('call without a helper');
      return helper.ret;
  }
}

function hasVar(e: Expr): boolean {
  switch (e.k) {
    case 'var':
    case 'call':
      return true;
    case 'const':
      return false;
    case 'unary':
    case 'cast':
      return hasVar(e.arg);
    case 'binary':
    case 'logical':
      return hasVar(e.left) || hasVar(e.right);
    case 'cond':
      return hasVar(e.c) || hasVar(e.t) || hasVar(e.e);
  }
}

// ---------------------------------------------------------------- generator

const c = (value: number | bigint, type: CType = INT): Expr => ({
  k: 'const',
  value: BigInt(value),
  type,
  text: `${value}${type === UINT ? 'u' : type === LLONG ? 'LL' : type === ULLONG ? 'ULL' : ''}`,
});

interface Ctx {
  /** Readable variables. */
  readonly scope: readonly Var[];
  /** Assignable variables. */
  readonly targets: readonly Var[];
  readonly inLoop: boolean;
  readonly inSwitch: boolean;
  /** Labels later in the function a goto here may jump to. */
  readonly labels: readonly string[];
  readonly depth: number;
  readonly canCall: boolean;
}

class Gen extends Random {
  private counter = 0;
  private helper: Func | undefined;

  fresh(prefix: string): string {
    return `${prefix}${this.counter++}`;
  }

  constant(): Expr {
    const r = this.rnd();
    if (r < 0.7)
      return c(this.pick([0, 1, 1, 2, 3, 4, 5, 7, 8, 15, 16, 31, 100, 127, 128, 255, 256, 1000]));
    if (r < 0.8) return c(this.pick([32767, 65535, 65536, 1000000, 2147483647]));
    if (r < 0.9) return c(this.pick([1, 7, 255, 65535, 4294967295]), UINT);
    if (r < 0.97) return c(this.pick([1, 3, 255, 4294967296, 9223372036854775807n]), LLONG);
    return c(this.pick([1, 255, 18446744073709551615n]), ULLONG);
  }

  varLeaf(ctx: Ctx): Expr {
    return { k: 'var', v: this.pick(ctx.scope) };
  }

  leaf(ctx: Ctx): Expr {
    return this.chance(0.7) ? this.varLeaf(ctx) : this.constant();
  }

  /** A binary operator with at least one variable operand (gcc folds constant operations, hiding their UB from UBSan). */
  bin(op: ArithOp | CmpOp, left: Expr, right: Expr, ctx: Ctx): Expr {
    if (!hasVar(left) && !hasVar(right)) return { k: 'binary', op, left: this.varLeaf(ctx), right };
    return { k: 'binary', op, left, right };
  }

  divisor(e: Expr, ctx: Ctx): Expr {
    return this.chance(0.85) ? this.bin('|', e, c(1), ctx) : e;
  }

  shiftAmount(e: Expr, ctx: Ctx): Expr {
    if (!this.chance(0.85)) return e;
    const mask = this.pick([7, 7, 15, 31, 63, 8]);
    // `% 8` keeps the sign of a negative amount: a deliberate trap.
    return this.bin(mask === 8 ? '%' : '&', e, c(mask), ctx);
  }

  expr(depth: number, ctx: Ctx): Expr {
    if (depth <= 0 || this.chance(0.2)) return this.leaf(ctx);
    const d = depth - 1;
    const r = this.rnd();
    const sub = (): Expr => this.expr(d, ctx);
    if (r < 0.22) return this.bin(this.pick(['+', '-', '*', '+', '-'] as const), sub(), sub(), ctx);
    if (r < 0.3) {
      const op = this.pick(['/', '%'] as const);
      return this.bin(op, sub(), this.divisor(sub(), ctx), ctx);
    }
    if (r < 0.4) {
      const op = this.pick(['<<', '>>'] as const);
      let left = sub();
      // mostly shift unsigned values: a negative left operand of << is undefined
      if (op === '<<' && this.chance(0.6))
        left = { k: 'cast', type: this.pick([UINT, UCHAR]), arg: left };
      return this.bin(op, left, this.shiftAmount(sub(), ctx), ctx);
    }
    if (r < 0.52) return this.bin(this.pick(['&', '|', '^'] as const), sub(), sub(), ctx);
    if (r < 0.62)
      return this.bin(this.pick(['<', '<=', '>', '>=', '==', '!='] as const), sub(), sub(), ctx);
    if (r < 0.7) return { k: 'unary', op: this.pick(['-', '~', '!', '-'] as const), arg: sub() };
    if (r < 0.84) return { k: 'cast', type: this.pick(CAST_TYPES), arg: sub() };
    if (r < 0.92) return { k: 'cond', c: sub(), t: sub(), e: sub() };
    return { k: 'logical', op: this.pick(['&&', '||'] as const), left: sub(), right: sub() };
  }

  /** A condition: usually a comparison. */
  cond(ctx: Ctx): Expr {
    if (this.chance(0.75)) {
      return this.bin(
        this.pick(['<', '<=', '>', '>=', '==', '!='] as const),
        this.expr(2, ctx),
        this.chance(0.5) ? this.constant() : this.expr(1, ctx),
        ctx,
      );
    }
    return this.expr(2, ctx);
  }

  /** An int-valued return expression: often a tautology (so `yes` is possible), else anything. */
  returnExpr(ctx: Ctx): Expr {
    const e = this.expr(2, ctx);
    const f = this.expr(2, ctx);
    switch (this.int(0, 9)) {
      case 0:
        return {
          k: 'binary',
          op: '<=',
          left: { k: 'binary', op: '&', left: e, right: c(255) },
          right: c(255),
        };
      case 1:
        return { k: 'binary', op: '<', left: { k: 'cast', type: UCHAR, arg: e }, right: c(256) };
      case 2:
        return {
          k: 'binary',
          op: '!=',
          left: { k: 'binary', op: '|', left: e, right: c(1) },
          right: c(0),
        };
      case 3:
        return {
          k: 'binary',
          op: '>=',
          left: { k: 'cast', type: USHORT, arg: e },
          right: { k: 'cast', type: UCHAR, arg: f },
        };
      case 4:
        return { k: 'binary', op: '<=', left: { k: 'cast', type: SCHAR, arg: e }, right: c(127) };
      case 5:
      case 6:
        return this.bin(this.pick(['<', '<=', '>', '>=', '==', '!='] as const), e, f, ctx);
      default:
        return e;
    }
  }

  simple(ctx: Ctx): Stmt {
    const r = this.rnd();
    const v = this.pick(ctx.targets);
    if (r < 0.25) {
      if (ctx.canCall && this.helper !== undefined && this.chance(0.3)) {
        const args = this.helper.params.map(() => this.expr(2, ctx));
        return { k: 'assign', v, op: '=', e: { k: 'call', args } };
      }
      return { k: 'assign', v, op: '=', e: this.expr(this.int(1, 3), ctx) };
    }
    if (r < 0.7) {
      const op = this.pick([
        '+=',
        '-=',
        '*=',
        '<<=',
        '>>=',
        '&=',
        '|=',
        '^=',
        '/=',
        '%=',
        '+=',
        '^=',
      ] as const);
      let e = this.expr(this.int(0, 2), ctx);
      if (op === '/=' || op === '%=') e = this.divisor(e, ctx);
      if (op === '<<=' || op === '>>=') e = this.shiftAmount(e, ctx);
      return { k: 'assign', v, op, e };
    }
    const others = ctx.targets.filter((t) => t !== v);
    const dst = others.length > 0 && this.chance(0.35) ? this.pick(others) : undefined;
    return { k: 'incdec', v, op: this.pick(['++', '--'] as const), pre: this.chance(0.5), dst };
  }

  block(ctx: Ctx, n: number): Stmt[] {
    const out: Stmt[] = [];
    for (let i = 0; i < n; i++) out.push(this.stmt(ctx));
    return out;
  }

  stmt(ctx: Ctx): Stmt {
    const r = this.rnd();
    const nested: Ctx = { ...ctx, depth: ctx.depth + 1 };
    const deep = ctx.depth >= 2;
    if (r < 0.45 || deep) {
      // jumps, sometimes, and otherwise a simple statement
      const j = this.rnd();
      if (j < 0.06 && ctx.labels.length > 0)
        return {
          k: 'if',
          cond: this.cond(ctx),
          then: [{ k: 'goto', label: this.pick(ctx.labels) }],
        };
      if (j < 0.12 && (ctx.inLoop || ctx.inSwitch))
        return { k: 'if', cond: this.cond(ctx), then: [{ k: 'break' }] };
      if (j < 0.16 && ctx.inLoop)
        return { k: 'if', cond: this.cond(ctx), then: [{ k: 'continue' }] };
      if (j < 0.2)
        return { k: 'if', cond: this.cond(ctx), then: [{ k: 'return', e: this.returnExpr(ctx) }] };
      return this.simple(ctx);
    }
    if (r < 0.6) {
      const then = this.block(nested, this.int(1, 2));
      const els = this.chance(0.5) ? this.block(nested, this.int(1, 2)) : undefined;
      return { k: 'if', cond: this.cond(ctx), then, else: els };
    }
    if (r < 0.85) {
      const kind = this.pick(['for', 'for', 'while', 'do'] as const);
      const cv: Var = { name: this.fresh(kind === 'for' ? 'i' : 'w'), type: INT };
      const inner: Ctx = { ...nested, scope: [...ctx.scope, cv], inLoop: true, inSwitch: false };
      const n = this.int(1, kind === 'for' ? 5 : 3);
      const body = this.block(inner, this.int(1, 3));
      return kind === 'for' ? { k: 'for', iv: cv, n, body } : { k: kind, cv, n, body };
    }
    // switch
    const inner: Ctx = { ...nested, inSwitch: true };
    let e = this.expr(2, ctx);
    const shape = this.rnd();
    if (shape < 0.35) e = this.bin('&', e, c(this.pick([3, 7])), ctx);
    else if (shape < 0.55) e = this.bin('%', e, c(this.pick([3, 5])), ctx);
    else if (shape < 0.7) e = { k: 'cast', type: this.pick(CAST_TYPES), arg: e };
    const values = [-1, 0, 1, 2, 3, 4, 5, 6, 7];
    const nClauses = this.int(1, 4);
    const clauses: SwitchClause[] = [];
    const defaultAt = this.chance(0.7) ? this.int(0, nClauses - 1) : -1;
    for (let i = 0; i < nClauses; i++) {
      const labels: (number | 'default')[] = [];
      const nLabels = this.int(1, 2);
      for (let j = 0; j < nLabels && values.length > 0; j++) {
        const idx = this.int(0, values.length - 1);
        labels.push(values[idx]);
        values.splice(idx, 1);
      }
      if (i === defaultAt) labels.splice(this.int(0, labels.length), 0, 'default');
      const body = this.block(inner, this.int(0, 2));
      // (a label needs a statement after it)
      if (this.chance(0.6) || (body.length === 0 && i === nClauses - 1)) body.push({ k: 'break' });
      clauses.push({ labels, body });
    }
    return { k: 'switch', e, clauses };
  }

  func(
    name: string,
    ret: CType,
    params: readonly Var[],
    size: number,
    canCall: boolean,
    returnExpr: (ctx: Ctx) => Expr,
  ): Func {
    const scope: Var[] = [...params];
    const decls: { v: Var; init: Expr }[] = [];
    const nDecls = this.int(1, 3);
    for (let i = 0; i < nDecls; i++) {
      const v: Var = { name: this.fresh('t'), type: this.pick(LOCAL_TYPES) };
      decls.push({ v, init: this.expr(2, { ...baseCtx(scope), canCall: false }) });
      scope.push(v);
    }
    const targets = this.chance(0.2) ? scope : scope.filter((v) => !params.includes(v));
    const nLabels = this.int(0, 2);
    const labelAt = new Map<number, string>();
    for (let i = 0; i < nLabels; i++) labelAt.set(this.int(1, size), this.fresh('L'));
    const body: Stmt[] = [];
    for (let i = 0; i <= size; i++) {
      const label = labelAt.get(i);
      if (label !== undefined) body.push({ k: 'label', label });
      if (i === size) break;
      const labels = [...labelAt].filter(([at]) => at > i).map(([, l]) => l);
      body.push(this.stmt({ ...baseCtx(scope), targets, labels, canCall }));
    }
    body.push({ k: 'return', e: returnExpr({ ...baseCtx(scope), canCall }) });
    return { name, ret, params, decls, body };
  }

  program(fnName: string): Program {
    this.helper = undefined;
    if (this.chance(0.45)) {
      const hp: Var[] = [];
      const n = this.int(1, 2);
      for (let i = 0; i < n; i++) hp.push({ name: `p${i}`, type: this.pick(CAST_TYPES) });
      this.helper = this.func(
        `h_${fnName}`,
        this.pick(LOCAL_TYPES),
        hp,
        this.int(1, 2),
        false,
        (ctx) => this.expr(3, ctx),
      );
    }
    const params: Var[] = [];
    const n = this.int(1, 2);
    for (let i = 0; i < n; i++) params.push({ name: 'ab'[i], type: this.pick([UCHAR, SCHAR]) });
    const entry = this.func(fnName, INT, params, this.int(2, 4), true, (ctx) =>
      this.returnExpr(ctx),
    );
    return { helper: this.helper, entry };
  }
}

function baseCtx(scope: readonly Var[]): Ctx {
  return {
    scope,
    targets: scope,
    inLoop: false,
    inSwitch: false,
    labels: [],
    depth: 0,
    canCall: false,
  };
}

// ---------------------------------------------------------------- rendering

function renderExpr(e: Expr, helper: Func | undefined): string {
  const r = (x: Expr): string => renderExpr(x, helper);
  const wrapped = (x: Expr): string =>
    x.k === 'var' ||
    (x.k === 'const' && x.value >= 0n) ||
    x.k === 'binary' ||
    x.k === 'cond' ||
    x.k === 'logical'
      ? r(x)
      : `(${r(x)})`;
  switch (e.k) {
    case 'var':
      return e.v.name;
    case 'const':
      return e.text;
    case 'unary':
      return `${e.op}${e.arg.k === 'const' ? `(${r(e.arg)})` : wrapped(e.arg)}`;
    case 'binary':
      return `(${r(e.left)} ${e.op} ${r(e.right)})`;
    case 'logical':
      return `(${r(e.left)} ${e.op} ${r(e.right)})`;
    case 'cond':
      return `(${r(e.c)} ? ${r(e.t)} : ${r(e.e)})`;
    case 'cast':
      return `(${e.type.name})${e.arg.k === 'const' ? `(${r(e.arg)})` : wrapped(e.arg)}`;
    case 'call':
      if (helper === undefined) throw new Error('call without a helper');
      return `${helper.name}(${e.args.map(r).join(', ')})`;
  }
}

class Renderer {
  readonly lines: string[] = [];
  /** The source line of each statement that evaluates an expression. */
  readonly lineOf = new Map<Stmt | Expr, number>();
  constructor(private readonly helper: Func | undefined) {}

  private emit(indent: number, text: string, owner?: Stmt | Expr): void {
    this.lines.push('  '.repeat(indent) + text);
    if (owner !== undefined) this.lineOf.set(owner, this.lines.length);
  }

  private e(x: Expr): string {
    return renderExpr(x, this.helper);
  }

  stmts(ss: readonly Stmt[], indent: number): void {
    for (const s of ss) this.stmt(s, indent);
  }

  stmt(s: Stmt, indent: number): void {
    switch (s.k) {
      case 'assign':
        this.emit(indent, `${s.v.name} ${s.op} ${this.e(s.e)};`, s);
        return;
      case 'incdec': {
        const inc = s.pre ? `${s.op}${s.v.name}` : `${s.v.name}${s.op}`;
        this.emit(indent, s.dst !== undefined ? `${s.dst.name} = ${inc};` : `${inc};`, s);
        return;
      }
      case 'if': {
        const one = s.then.length === 1 && s.else === undefined ? s.then[0] : undefined;
        if (one !== undefined && (one.k === 'goto' || one.k === 'break' || one.k === 'continue')) {
          this.emit(
            indent,
            `if (${this.e(s.cond)}) ${one.k === 'goto' ? `goto ${one.label}` : one.k};`,
            s,
          );
          return;
        }
        this.emit(indent, `if (${this.e(s.cond)}) {`, s);
        this.stmts(s.then, indent + 1);
        if (s.else !== undefined) {
          this.emit(indent, '} else {');
          this.stmts(s.else, indent + 1);
        }
        this.emit(indent, '}');
        return;
      }
      case 'for':
        this.emit(indent, `for (int ${s.iv.name} = 0; ${s.iv.name} < ${s.n}; ${s.iv.name}++) {`);
        this.stmts(s.body, indent + 1);
        this.emit(indent, '}');
        return;
      case 'while':
        this.emit(indent, `${s.cv.name} = 0;`);
        this.emit(indent, `while (${s.cv.name} < ${s.n}) {`);
        this.emit(indent + 1, `${s.cv.name}++;`);
        this.stmts(s.body, indent + 1);
        this.emit(indent, '}');
        return;
      case 'do':
        this.emit(indent, `${s.cv.name} = 0;`);
        this.emit(indent, 'do {');
        this.emit(indent + 1, `${s.cv.name}++;`);
        this.stmts(s.body, indent + 1);
        this.emit(indent, `} while (${s.cv.name} < ${s.n});`);
        return;
      case 'switch':
        this.emit(indent, `switch (${this.e(s.e)}) {`, s);
        for (const cl of s.clauses) {
          for (const l of cl.labels) this.emit(indent, l === 'default' ? 'default:' : `case ${l}:`);
          this.stmts(cl.body, indent + 1);
        }
        this.emit(indent, '}');
        return;
      case 'return':
        this.emit(indent, `return ${this.e(s.e)};`, s);
        return;
      case 'goto':
        this.emit(indent, `goto ${s.label};`);
        return;
      case 'label':
        this.emit(Math.max(0, indent - 1), `${s.label}:;`);
        return;
      case 'break':
      case 'continue':
        this.emit(indent, `${s.k};`);
        return;
    }
  }

  func(f: Func): void {
    this.emit(
      0,
      `${f.ret.name} ${f.name}(${f.params.map((p) => `${p.type.name} ${p.name}`).join(', ')}) {`,
    );
    for (const d of f.decls)
      this.emit(1, `${d.v.type.name} ${d.v.name} = ${this.e(d.init)};`, d.init);
    const counters = loopCounters(f.body);
    // while / do counters are declared up front: a declaration may not follow a case label
    if (counters.length > 0) this.emit(1, `int ${counters.map((n) => `${n} = 0`).join(', ')};`);
    this.stmts(f.body, 1);
    this.emit(0, '}');
  }
}

function loopCounters(ss: readonly Stmt[]): string[] {
  return ss.flatMap((s): string[] => {
    switch (s.k) {
      case 'while':
      case 'do':
        return [s.cv.name, ...loopCounters(s.body)];
      case 'for':
        return loopCounters(s.body);
      case 'if':
        return [...loopCounters(s.then), ...loopCounters(s.else ?? [])];
      case 'switch':
        return s.clauses.flatMap((cl) => loopCounters(cl.body));
      default:
        return [];
    }
  });
}

function render(p: Program): { source: string; lineOf: Map<Stmt | Expr, number> } {
  const r = new Renderer(p.helper);
  if (p.helper !== undefined) r.func(p.helper);
  r.func(p.entry);
  return { source: r.lines.join('\n') + '\n', lineOf: r.lineOf };
}

// ---------------------------------------------------------------- exact evaluator (BigInt)

type UbKind = 'overflow' | 'div-by-zero' | 'shift';
class Ub {
  constructor(
    readonly kind: UbKind,
    readonly line: number,
    readonly what: string,
  ) {}
}

type Completion =
  | { readonly k: 'normal' }
  | { readonly k: 'break' }
  | { readonly k: 'continue' }
  | { readonly k: 'return'; readonly value: bigint }
  | { readonly k: 'goto'; readonly label: string };
const NORMAL: Completion = { k: 'normal' };

class Evaluator {
  private line = 0;
  private steps = 0;
  constructor(
    private readonly p: Program,
    private readonly lineOf: Map<Stmt | Expr, number>,
  ) {}

  private ub(kind: UbKind, what: string): never {
    throw new Ub(kind, this.line, what);
  }

  private checked(v: bigint, t: CType, what: string): bigint {
    const [lo, hi] = limits(t);
    if (t.signed && (v < lo || v > hi)) this.ub('overflow', what);
    return convert(v, t);
  }

  expr(e: Expr, env: Map<Var, bigint>): bigint {
    const h = this.p.helper;
    switch (e.k) {
      case 'var': {
        const v = env.get(e.v);
        if (v === undefined) throw new Error(`unbound ${e.v.name}`);
        return v;
      }
      case 'const':
        return e.value;
      case 'cast':
        return convert(this.expr(e.arg, env), e.type);
      case 'unary': {
        const v = this.expr(e.arg, env);
        const t = promote(typeOf(e.arg, h));
        if (e.op === '!') return v === 0n ? 1n : 0n;
        if (e.op === '~') return convert(~v, t);
        return this.checked(-v, t, `-(${v})`);
      }
      case 'logical': {
        const l = this.expr(e.left, env);
        if (e.op === '&&' && l === 0n) return 0n;
        if (e.op === '||' && l !== 0n) return 1n;
        return this.expr(e.right, env) !== 0n ? 1n : 0n;
      }
      case 'cond': {
        const cv = this.expr(e.c, env);
        return convert(this.expr(cv !== 0n ? e.t : e.e, env), typeOf(e, h));
      }
      case 'binary':
        return this.binary(
          e.op,
          this.expr(e.left, env),
          typeOf(e.left, h),
          this.expr(e.right, env),
          typeOf(e.right, h),
        );
      case 'call': {
        if (h === undefined) throw new Error('call without a helper');
        const args = e.args.map((a) => this.expr(a, env));
        const saved = this.line;
        const r = this.call(
          h,
          args.map((a, i) => convert(a, h.params[i].type)),
        );
        this.line = saved;
        return r;
      }
    }
  }

  binary(op: ArithOp | CmpOp, lv: bigint, lt: CType, rv: bigint, rt: CType): bigint {
    if (op === '<<' || op === '>>') {
      const pt = promote(lt);
      if (rv < 0n || rv >= BigInt(pt.bits)) this.ub('shift', `shift by ${rv}`);
      if (op === '>>') return lv >> rv; // arithmetic for negative signed values: gcc's choice
      if (!pt.signed) return convert(lv << rv, pt);
      if (lv < 0n) this.ub('shift', `left shift of negative ${lv}`);
      return this.checked(lv << rv, pt, `${lv} << ${rv}`);
    }
    const t = common(lt, rt);
    const a = convert(lv, t);
    const b = convert(rv, t);
    switch (op) {
      case '<':
        return a < b ? 1n : 0n;
      case '<=':
        return a <= b ? 1n : 0n;
      case '>':
        return a > b ? 1n : 0n;
      case '>=':
        return a >= b ? 1n : 0n;
      case '==':
        return a === b ? 1n : 0n;
      case '!=':
        return a !== b ? 1n : 0n;
      case '&':
        return convert(a & b, t);
      case '|':
        return convert(a | b, t);
      case '^':
        return convert(a ^ b, t);
      case '/':
      case '%': {
        if (b === 0n) this.ub('div-by-zero', `${a} ${op} 0`);
        if (t.signed && a === limits(t)[0] && b === -1n) this.ub('overflow', `${a} ${op} -1`);
        return op === '/' ? a / b : a % b;
      }
      case '+':
        return this.checked(a + b, t, `${a} + ${b}`);
      case '-':
        return this.checked(a - b, t, `${a} - ${b}`);
      case '*':
        return this.checked(a * b, t, `${a} * ${b}`);
    }
  }

  call(f: Func, args: readonly bigint[]): bigint {
    const env = new Map<Var, bigint>();
    f.params.forEach((p, i) => env.set(p, args[i]));
    for (const d of f.decls) {
      this.line = this.lineOf.get(d.init) ?? 0;
      env.set(d.v, convert(this.expr(d.init, env), d.v.type));
    }
    let i = 0;
    while (i < f.body.length) {
      const r = this.stmt(f.body[i], env);
      if (r.k === 'return') return convert(r.value, f.ret);
      if (r.k === 'goto') {
        i = f.body.findIndex((s) => s.k === 'label' && s.label === r.label);
        if (i < 0) throw new Error(`no label ${r.label}`);
        continue;
      }
      if (r.k !== 'normal') throw new Error(`stray ${r.k}`);
      i++;
    }
    throw new Error(`${f.name} fell off its end`);
  }

  private assign(v: Var, op: AssignOp, rhs: bigint, rhsType: CType, env: Map<Var, bigint>): void {
    if (op === '=') {
      env.set(v, convert(rhs, v.type));
      return;
    }
    const cur = env.get(v);
    if (cur === undefined) throw new Error(`unbound ${v.name}`);
    const bop = op.slice(0, -1) as ArithOp;
    env.set(v, convert(this.binary(bop, cur, v.type, rhs, rhsType), v.type));
  }

  private block(ss: readonly Stmt[], env: Map<Var, bigint>): Completion {
    for (const s of ss) {
      const r = this.stmt(s, env);
      if (r.k !== 'normal') return r;
    }
    return NORMAL;
  }

  /** A loop body's completion: undefined to go on, or the completion that leaves the loop. */
  private loopExit(r: Completion): Completion | undefined {
    if (r.k === 'break') return NORMAL;
    if (r.k === 'return' || r.k === 'goto') return r;
    return undefined;
  }

  stmt(s: Stmt, env: Map<Var, bigint>): Completion {
    if (++this.steps > 1_000_000) throw new Error('evaluator: too many steps');
    const line = this.lineOf.get(s);
    if (line !== undefined) this.line = line;
    const h = this.p.helper;
    switch (s.k) {
      case 'assign':
        this.assign(s.v, s.op, this.expr(s.e, env), typeOf(s.e, h), env);
        return NORMAL;
      case 'incdec': {
        const old = env.get(s.v);
        if (old === undefined) throw new Error(`unbound ${s.v.name}`);
        this.assign(s.v, s.op === '++' ? '+=' : '-=', 1n, INT, env);
        if (s.dst !== undefined)
          env.set(s.dst, convert(s.pre ? (env.get(s.v) as bigint) : old, s.dst.type));
        return NORMAL;
      }
      case 'if': {
        const cv = this.expr(s.cond, env);
        if (cv !== 0n) return this.block(s.then, env);
        return s.else !== undefined ? this.block(s.else, env) : NORMAL;
      }
      case 'for':
        for (let i = 0; i < s.n; i++) {
          env.set(s.iv, BigInt(i));
          const out = this.loopExit(this.block(s.body, env));
          if (out !== undefined) return out;
        }
        return NORMAL;
      case 'while':
      case 'do': {
        let w = 0;
        env.set(s.cv, 0n);
        if (s.k === 'while' && !(w < s.n)) return NORMAL;
        do {
          w++;
          env.set(s.cv, BigInt(w));
          const out = this.loopExit(this.block(s.body, env));
          if (out !== undefined) return out;
        } while (w < s.n);
        return NORMAL;
      }
      case 'switch': {
        const t = promote(typeOf(s.e, h));
        const v = this.expr(s.e, env);
        let start = s.clauses.findIndex((cl) =>
          cl.labels.some((l) => l !== 'default' && convert(BigInt(l), t) === v),
        );
        if (start < 0) start = s.clauses.findIndex((cl) => cl.labels.includes('default'));
        if (start < 0) return NORMAL;
        for (let i = start; i < s.clauses.length; i++) {
          const r = this.block(s.clauses[i].body, env);
          if (r.k === 'break') return NORMAL;
          if (r.k !== 'normal') return r;
        }
        return NORMAL;
      }
      case 'return':
        return { k: 'return', value: this.expr(s.e, env) };
      case 'goto':
        return { k: 'goto', label: s.label };
      case 'label':
        return NORMAL;
      case 'break':
      case 'continue':
        return { k: s.k };
    }
  }
}

type Outcome =
  { readonly kind: 'returned'; readonly value: bigint } | { readonly kind: 'ub'; readonly ub: Ub };

function evaluate(
  p: Program,
  lineOf: Map<Stmt | Expr, number>,
  inputs: readonly number[],
): Outcome {
  try {
    return {
      kind: 'returned',
      value: new Evaluator(p, lineOf).call(
        p.entry,
        inputs.map((x) => BigInt(x)),
      ),
    };
  } catch (e) {
    if (e instanceof Ub) return { kind: 'ub', ub: e };
    throw e;
  }
}

// ---------------------------------------------------------------- inputs

function ranges(p: Program): [number, number][] {
  return p.entry.params.map((v) => (v.type.signed ? [-128, 127] : [0, 255]));
}
function inputCount(p: Program): number {
  return ranges(p).reduce((n, [lo, hi]) => n * (hi - lo + 1), 1);
}
function inputAt(p: Program, index: number): number[] {
  const rs = ranges(p);
  const out: number[] = [];
  for (let i = rs.length - 1; i >= 0; i--) {
    const [lo, hi] = rs[i];
    const size = hi - lo + 1;
    out.unshift(lo + (index % size));
    index = Math.floor(index / size);
  }
  return out;
}

// ---------------------------------------------------------------- the gcc oracle

/** What gcc + UBSan does on one input: returns a value, or reports UB at a line. */
type GccOutcome =
  | { readonly kind: 'returned'; readonly value: number }
  | { readonly kind: 'ub'; readonly line: number; readonly message: string }
  | { readonly kind: 'not-run' };

/** UB kinds arc may give for a UBSan message (a left shift that overflows is either). */
function arcKindsFor(message: string): readonly string[] {
  if (/left shift of/.test(message)) return ['shift', 'overflow'];
  if (/shift exponent/.test(message)) return ['shift'];
  if (/division by zero/.test(message)) return ['div-by-zero'];
  if (/signed integer overflow|negation of|cannot be represented/.test(message))
    return ['overflow'];
  return [];
}

const MAX_UB_RUNS = 64;

class GccOracle {
  private readonly exe: string;
  constructor(
    private readonly p: Program,
    source: string,
    dir: string,
    label: string,
  ) {
    const n = p.entry.params.length;
    const rs = ranges(p);
    const call = `${p.entry.name}(${p.entry.params.map((_, i) => `v[${i}]`).join(', ')})`;
    const harness = `${source}
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/wait.h>
static const int lo[2] = {${rs.map((r) => r[0]).join(', ')}};
static const int size[2] = {${rs.map((r) => r[1] - r[0] + 1).join(', ')}};
static void decode(int index, int *v) {
  for (int i = ${n - 1}; i >= 0; i--) { v[i] = lo[i] + index % size[i]; index /= size[i]; }
}
int main(int argc, char **argv) {
  int v[2];
  if (argc > 1) {
    for (int i = 0; i < ${n}; i++) v[i] = atoi(argv[i + 1]);
    printf("%d\\n", ${call});
    return 0;
  }
  int total = ${inputCount(p)};
  int *res = mmap(0, total * sizeof(int), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  char *done = mmap(0, total, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  static char buf[1 << 16];
  int start = 0, ubs = 0;
  while (start < total && ubs < ${MAX_UB_RUNS}) {
    int fds[2];
    if (pipe(fds) != 0) return 2;
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
      dup2(fds[1], 2);
      close(fds[0]);
      for (int i = start; i < total; i++) { decode(i, v); res[i] = ${call}; done[i] = 1; }
      _exit(0);
    }
    close(fds[1]);
    int len = 0, r;
    while ((r = read(fds[0], buf + len, sizeof buf - 1 - len)) > 0) len += r;
    buf[len] = 0;
    close(fds[0]);
    int status;
    waitpid(pid, &status, 0);
    int i = start;
    while (i < total && done[i]) i++;
    if (i >= total) break;
    char *nl = buf;
    while (*nl && *nl != '\\n') nl++;
    *nl = 0;
    printf("U %d %s\\n", i, buf);
    ubs++;
    start = i + 1;
  }
  for (int i = 0; i < total; i++) {
    if (done[i]) printf("R %d %d\\n", i, res[i]);
  }
  return 0;
}
`;
    const cFile = path.join(dir, `${label}.c`);
    this.exe = path.join(dir, label);
    writeFileSync(cFile, harness);
    const cc = spawnSync(
      'gcc',
      [
        '-std=gnu11',
        '-O0',
        '-w',
        '-fsanitize=undefined',
        '-fno-sanitize-recover=all',
        cFile,
        '-o',
        this.exe,
      ],
      { encoding: 'utf8' },
    );
    assert.equal(cc.status, 0, `gcc failed on ${label}:\n${cc.stderr}\n${source}`);
  }

  /** Every input's outcome (inputs after the MAX_UB_RUNS-th undefined one are not run). */
  all(): GccOutcome[] {
    const out = spawnSync(this.exe, [], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    assert.equal(out.status, 0, `harness failed: ${out.stderr}`);
    const res: GccOutcome[] = new Array<GccOutcome>(inputCount(this.p)).fill({ kind: 'not-run' });
    for (const l of out.stdout.split('\n')) {
      const m = /^([UR]) (\d+) (.*)$/.exec(l);
      if (m === null) continue;
      const i = Number(m[2]);
      res[i] = m[1] === 'R' ? { kind: 'returned', value: Number(m[3]) } : parseUb(m[3]);
    }
    return res;
  }

  one(inputs: readonly number[]): GccOutcome {
    const out = spawnSync(this.exe, inputs.map(String), { encoding: 'utf8' });
    if (out.status === 0) return { kind: 'returned', value: Number(out.stdout.trim()) };
    return parseUb(out.stderr.split('\n').find((l) => /runtime error/.test(l)) ?? out.stderr);
  }
}

function parseUb(report: string): GccOutcome {
  const m = /:(\d+):\d+: runtime error: (.*)$/.exec(report);
  return { kind: 'ub', line: m === null ? -1 : Number(m[1]), message: m === null ? report : m[2] };
}

// ---------------------------------------------------------------- the test

const SEED = Number(process.env.ARC_DIFF_SEED ?? 20241127);
const COUNT = Number(process.env.ARC_DIFF_COUNT ?? 35);
/** Inputs per function on which the exact evaluator is compared with gcc. */
const SAMPLE = 96;
const VERBOSE = process.env.ARC_DIFF_VERBOSE === '1';

test(`differential: ${COUNT} random structured functions (seed ${SEED}) against gcc + UBSan`, async (t) => {
  if (!gccAvailable()) {
    t.skip('gcc is not installed: the structured differential test needs it as its oracle');
    return;
  }
  const gen = new Gen(prng(SEED));
  const dir = mkdtempSync(path.join(tmpdir(), 'arc-diffs-'));
  const tally = { yes: 0, no: 0, unknown: 0 };
  const notes: string[] = [];
  let gccGaps = 0;
  let otherKindSameLine = 0;
  const unknowns: string[] = [];
  const kinds = new Map<string, number>();
  try {
    for (let k = 0; k < COUNT; k++) {
      const fnName = `f${k}`;
      const p = gen.program(fnName);
      const { source, lineOf } = render(p);
      const label = `${fnName} (seed ${SEED})`;
      const file = path.join(dir, `${fnName}.c`);
      writeFileSync(file, source);
      const gcc = new GccOracle(p, source, dir, `${fnName}_h`);
      const outcomes = gcc.all();

      // The exact evaluator against gcc on a sample of inputs (it settles gcc's blind spots below).
      const total = inputCount(p);
      for (let s = 0; s < Math.min(SAMPLE, total); s++) {
        const index = Math.floor((s * total) / Math.min(SAMPLE, total));
        const g = outcomes[index];
        if (g.kind === 'not-run') continue;
        const inp = inputAt(p, index);
        const o = evaluate(p, lineOf, inp);
        const where = `${label} on (${inp.join(', ')})\n${source}`;
        if (g.kind === 'ub' && o.kind === 'ub' && o.ub.line !== g.line) {
          // gcc narrows or folds some operations and can miss an earlier overflow
          gccGaps++;
          notes.push(
            `gcc misses UB (${o.ub.kind} at line ${o.ub.line}: ${o.ub.what}) in ${label} on (${inp.join(', ')}) and reports a later one at line ${g.line}`,
          );
        } else if (g.kind === 'ub') {
          assert.ok(
            o.kind === 'ub',
            `gcc reports UB at line ${g.line} (${g.message}) but the evaluator says ${JSON.stringify(o, (_, x: unknown) => (typeof x === 'bigint' ? x.toString() : x))}: ${where}`,
          );
        } else if (o.kind === 'returned') {
          assert.equal(
            Number(o.value),
            g.value,
            `evaluator and gcc return different values: ${where}`,
          );
        } else {
          gccGaps++;
          notes.push(
            `gcc misses UB (${o.ub.kind} at line ${o.ub.line}: ${o.ub.what}) in ${label} on (${inp.join(', ')})`,
          );
        }
      }

      const result = await prove({ file, function: fnName, returnsTrue: true, timeoutSeconds: 60 });
      if (result.kind === 'bad-input') {
        assert.fail(
          `${label}: bad input: ${result.diagnostics.map((d) => d.message).join('; ')}\n${source}`,
        );
      }
      const v = result.verdict;
      tally[v.answer]++;
      const context = `${label}: arc says ${describeVerdict(v)}\n${source}`;
      if (VERBOSE) t.diagnostic(context);
      if (v.answer === 'no') {
        const r = `replay-${v.witness.replay.compiler}`;
        kinds.set(r, (kinds.get(r) ?? 0) + 1);
      }
      if (v.answer === 'no')
        kinds.set(v.witness.property.kind, (kinds.get(v.witness.property.kind) ?? 0) + 1);

      if (v.answer === 'yes') {
        outcomes.forEach((g, index) => {
          if (g.kind === 'ub' || (g.kind === 'returned' && g.value === 0)) {
            const what = g.kind === 'ub' ? `UB at line ${g.line}: ${g.message}` : 'returns 0';
            assert.fail(`WRONG YES: input (${inputAt(p, index).join(', ')}) ${what} — ${context}`);
          }
        });
        // gcc misses a few overflows: the exact evaluator runs every input too
        for (let index = 0; index < total; index++) {
          const o = evaluate(p, lineOf, inputAt(p, index));
          if (o.kind === 'ub' || o.value === 0n) {
            const what = o.kind === 'ub' ? `UB at line ${o.ub.line}: ${o.ub.what}` : 'returns 0';
            assert.fail(
              `WRONG YES: the exact evaluator finds input (${inputAt(p, index).join(', ')}) ${what} (gcc does not) — ${context}`,
            );
          }
        }
      } else if (v.answer === 'no') {
        const cx = v.witness;
        const inputs = p.entry.params.map((param) => {
          const iv = cx.inputs.find((i) => i.name === param.name);
          assert.ok(iv !== undefined, `counterexample lacks parameter ${param.name} — ${context}`);
          const n = Number(iv.value);
          const ok = param.type.signed ? n >= -128 && n <= 127 : n >= 0 && n <= 255;
          assert.ok(
            Number.isInteger(n) && ok,
            `input ${iv.name}=${iv.value} out of range — ${context}`,
          );
          return n;
        });
        assert.equal(cx.replay.interpreter, 'agrees', `interpreter replay — ${context}`);
        const g = gcc.one(inputs);
        const prop = cx.property;
        if (prop.kind === 'returns-true') {
          assert.ok(
            g.kind === 'returned' && g.value === 0,
            `WRONG NO: arc says (${inputs.join(', ')}) returns 0, gcc: ${JSON.stringify(g)} — ${context}`,
          );
        } else if (g.kind === 'ub' && g.line !== prop.span.startLine) {
          // gcc may have missed an earlier UB (see below) that arc reports
          const o = evaluate(p, lineOf, inputs);
          assert.ok(
            o.kind === 'ub' && o.ub.line === prop.span.startLine,
            `WRONG NO: arc's UB is at line ${prop.span.startLine}, gcc's (${g.message}) at ${g.line} — ${context}`,
          );
          gccGaps++;
          notes.push(
            `${label}: witness UB (${o.ub.what}) missed by gcc, which reports a later one`,
          );
        } else if (g.kind === 'ub') {
          if (!arcKindsFor(g.message).includes(prop.kind)) {
            otherKindSameLine++;
            notes.push(
              `${label}: arc reports ${prop.kind}, gcc ${g.message}, both at line ${g.line}`,
            );
          }
        } else {
          // gcc runs the witness cleanly: settle it with the exact evaluator.
          const o = evaluate(p, lineOf, inputs);
          assert.ok(
            o.kind === 'ub' && o.ub.line === prop.span.startLine,
            `WRONG NO: gcc runs (${inputs.join(', ')}) cleanly (${JSON.stringify(g)}) and the exact evaluator finds no UB at line ${prop.span.startLine} — ${context}`,
          );
          gccGaps++;
          notes.push(
            `${label}: witness UB (${o.ub.what}) missed by gcc; arc's compiler replay: ${cx.replay.compiler}`,
          );
        }
      } else {
        unknowns.push(`${label}: ${v.reason.code}: ${v.reason.message}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const summary = `yes ${tally.yes}, no ${tally.no}, unknown ${tally.unknown}; gcc blind spots ${gccGaps}; other UB on the same line ${otherKindSameLine}; no by kind ${JSON.stringify(Object.fromEntries(kinds))}`;
  t.diagnostic(summary);
  for (const n of notes.slice(0, 30)) t.diagnostic(n);
  if (notes.length > 30) t.diagnostic(`… and ${notes.length - 30} more notes`);
  for (const u of unknowns) t.diagnostic(u);
  assert.ok(
    tally.unknown <= Math.max(1, Math.floor(COUNT * 0.15)),
    `too many don't-knows (${summary}):\n${unknowns.join('\n')}`,
  );
  assert.ok(
    COUNT < 20 || (tally.yes >= 3 && tally.no >= 3),
    `the generator should produce both answers (${summary})`,
  );
});
