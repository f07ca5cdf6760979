/**
 * Differential test: random small C functions over `unsigned char` /
 * `signed char` parameters, proved by arc and checked against an independent
 * reference evaluator of C semantics written here (promotions, usual
 * arithmetic conversions, wrapping, and the undefined behaviours arc checks).
 *
 * For every generated function we enumerate ALL inputs (at most 65,536):
 * - arc says yes  → no input may violate anything;
 * - arc says no   → its counterexample input must fail in the reference, and
 *                   the property arc names must be one that can fail first;
 * - arc says don't know → allowed, but must be rare.
 * When gcc is installed, the reference evaluator is itself cross-checked
 * against gcc + UBSan on each function (defined inputs must give the same
 * results and no UBSan report; a sample of undefined inputs must be reported).
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
  readonly bits: 8 | 16 | 32;
  readonly signed: boolean;
}
const UCHAR: CType = { name: 'unsigned char', bits: 8, signed: false };
const SCHAR: CType = { name: 'signed char', bits: 8, signed: true };
const USHORT: CType = { name: 'unsigned short', bits: 16, signed: false };
const SHORT: CType = { name: 'short', bits: 16, signed: true };
const INT: CType = { name: 'int', bits: 32, signed: true };
const UINT: CType = { name: 'unsigned', bits: 32, signed: false };
const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

function promote(t: CType): CType {
  return t.bits < 32 ? INT : t;
}
/** Usual arithmetic conversions of two (already promoted or not) operand types. */
function common(a: CType, b: CType): CType {
  const pa = promote(a);
  const pb = promote(b);
  return !pa.signed || !pb.signed ? UINT : INT;
}
/** Conversion to `t` (modulo 2^bits; gcc's choice for signed targets too). */
function convert(v: number, t: CType): number {
  const m = 2 ** t.bits;
  let r = ((v % m) + m) % m;
  if (t.signed && r >= m / 2) r -= m;
  return r;
}
function range(t: CType): [number, number] {
  return t.signed ? [-(2 ** (t.bits - 1)), 2 ** (t.bits - 1) - 1] : [0, 2 ** t.bits - 1];
}

// ---------------------------------------------------------------- AST

type ArithOp = '+' | '-' | '*' | '/' | '%' | '<<' | '>>' | '&' | '|' | '^';
type CmpOp = '<' | '<=' | '>' | '>=' | '==' | '!=';

type Expr =
  | { readonly k: 'var'; readonly name: string; readonly type: CType }
  | { readonly k: 'const'; readonly value: number; readonly type: CType; readonly text: string }
  | { readonly k: 'unary'; readonly op: '-' | '~' | '!'; readonly arg: Expr; readonly id: number }
  | {
      readonly k: 'binary';
      readonly op: ArithOp | CmpOp;
      readonly left: Expr;
      readonly right: Expr;
      readonly id: number;
    }
  | { readonly k: 'logical'; readonly op: '&&' | '||'; readonly left: Expr; readonly right: Expr }
  | { readonly k: 'cond'; readonly c: Expr; readonly t: Expr; readonly e: Expr }
  | { readonly k: 'cast'; readonly type: CType; readonly arg: Expr };

interface Local {
  readonly name: string;
  readonly type: CType;
}

type Stmt =
  | { readonly k: 'decl'; readonly v: Local; readonly init: Expr }
  | {
      readonly k: 'if';
      readonly cond: Expr;
      readonly v: Local;
      readonly then: Expr;
      readonly else: Expr;
    }
  | { readonly k: 'for'; readonly n: number; readonly v: Local; readonly body: Expr };

interface Program {
  readonly params: readonly Local[];
  readonly body: readonly Stmt[];
  readonly ret: Expr;
}

function hasVar(e: Expr): boolean {
  switch (e.k) {
    case 'var':
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

function typeOf(e: Expr): CType {
  switch (e.k) {
    case 'var':
    case 'const':
      return e.type;
    case 'unary':
      return e.op === '!' ? INT : promote(typeOf(e.arg));
    case 'binary':
      if (e.op === '<<' || e.op === '>>') return promote(typeOf(e.left));
      if (['<', '<=', '>', '>=', '==', '!='].includes(e.op)) return INT;
      return common(typeOf(e.left), typeOf(e.right));
    case 'logical':
      return INT;
    case 'cond':
      return common(typeOf(e.t), typeOf(e.e));
    case 'cast':
      return e.type;
  }
}

// ---------------------------------------------------------------- generator

class Gen extends Random {
  private nextId = 0;

  id(): number {
    return this.nextId++;
  }

  constant(): Expr {
    const value = this.pick([
      0, 1, 1, 2, 3, 5, 7, 8, 15, 16, 24, 31, 32, 100, 127, 128, 200, 255, 256, 1000, 32767, 65535,
    ]);
    if (this.chance(0.12)) return { k: 'const', value, type: UINT, text: `${value}u` };
    return { k: 'const', value, type: INT, text: `${value}` };
  }

  leaf(scope: readonly Local[]): Expr {
    if (this.chance(0.7)) {
      const v = this.pick(scope);
      return { k: 'var', name: v.name, type: v.type };
    }
    return this.constant();
  }

  bin(op: ArithOp | CmpOp, left: Expr, right: Expr): Expr {
    return { k: 'binary', op, left, right, id: this.id() };
  }

  /** A copy with fresh operator ids (an expression written twice has two sets of properties). */
  clone(e: Expr): Expr {
    switch (e.k) {
      case 'var':
      case 'const':
        return e;
      case 'unary':
        return { ...e, arg: this.clone(e.arg), id: this.id() };
      case 'binary':
        return { ...e, left: this.clone(e.left), right: this.clone(e.right), id: this.id() };
      case 'logical':
        return { ...e, left: this.clone(e.left), right: this.clone(e.right) };
      case 'cond':
        return { ...e, c: this.clone(e.c), t: this.clone(e.t), e: this.clone(e.e) };
      case 'cast':
        return { ...e, arg: this.clone(e.arg) };
    }
  }

  /** A binary operator with at least one variable operand (gcc folds constant operations, hiding their UB from UBSan). */
  varBin(op: ArithOp | CmpOp, left: Expr, right: Expr, scope: readonly Local[]): Expr {
    if (!hasVar(left) && !hasVar(right)) return this.bin(op, this.varLeaf(scope), right);
    return this.bin(op, left, right);
  }

  varLeaf(scope: readonly Local[]): Expr {
    const v = this.pick(scope);
    return { k: 'var', name: v.name, type: v.type };
  }

  expr(depth: number, scope: readonly Local[]): Expr {
    if (depth <= 0 || this.chance(0.2)) return this.leaf(scope);
    const d = depth - 1;
    const r = this.rnd();
    if (r < 0.28) {
      return this.varBin(
        this.pick(['+', '-', '*', '+', '-'] as const),
        this.expr(d, scope),
        this.expr(d, scope),
        scope,
      );
    }
    if (r < 0.4) {
      const op = this.pick(['/', '%'] as const);
      let divisor = this.expr(d, scope);
      if (this.chance(0.6))
        divisor = this.bin('|', divisor, { k: 'const', value: 1, type: INT, text: '1' });
      return this.varBin(op, this.expr(d, scope), divisor, scope);
    }
    if (r < 0.52) {
      const op = this.pick(['<<', '>>'] as const);
      let amount = this.expr(d, scope);
      if (this.chance(0.65)) {
        const mask = this.pick([7, 7, 15, 8]);
        const c: Expr = { k: 'const', value: mask, type: INT, text: `${mask}` };
        // `% 8` keeps the sign of a negative amount: a deliberate trap.
        amount = this.bin(mask === 8 ? '%' : '&', amount, c);
      }
      return this.varBin(op, this.expr(d, scope), amount, scope);
    }
    if (r < 0.64) {
      return this.varBin(
        this.pick(['&', '|', '^'] as const),
        this.expr(d, scope),
        this.expr(d, scope),
        scope,
      );
    }
    if (r < 0.74) {
      return this.bin(
        this.pick(['<', '<=', '>', '>=', '==', '!='] as const),
        this.expr(d, scope),
        this.expr(d, scope),
      );
    }
    if (r < 0.82) {
      return {
        k: 'unary',
        op: this.pick(['-', '~', '!', '-'] as const),
        arg: this.expr(d, scope),
        id: this.id(),
      };
    }
    if (r < 0.92) {
      return {
        k: 'cast',
        type: this.pick([UCHAR, SCHAR, USHORT, SHORT, INT, UINT]),
        arg: this.expr(d, scope),
      };
    }
    if (r < 0.96) {
      return { k: 'cond', c: this.expr(d, scope), t: this.expr(d, scope), e: this.expr(d, scope) };
    }
    return {
      k: 'logical',
      op: this.pick(['&&', '||'] as const),
      left: this.expr(d, scope),
      right: this.expr(d, scope),
    };
  }

  /** An int-valued return expression: often a tautology (so `yes` is possible), else anything. */
  returnExpr(scope: readonly Local[]): Expr {
    const e = this.expr(2, scope);
    const f = this.expr(2, scope);
    const c = (value: number): Expr => ({ k: 'const', value, type: INT, text: `${value}` });
    switch (this.int(0, 9)) {
      case 0:
        return this.bin('==', e, this.clone(e));
      case 1:
        return this.bin('<=', this.bin('&', e, c(255)), c(255));
      case 2:
        return this.bin('<', { k: 'cast', type: UCHAR, arg: e }, c(256));
      case 3:
        return this.bin('==', this.bin('^', e, f), this.bin('^', this.clone(f), this.clone(e)));
      case 4:
        return this.bin('<', this.bin('%', e, c(7)), c(7));
      case 5:
        return this.bin(
          '>=',
          this.bin('|', { k: 'cast', type: UINT, arg: e }, { k: 'cast', type: UINT, arg: f }),
          this.bin(
            '&',
            { k: 'cast', type: UINT, arg: this.clone(e) },
            { k: 'cast', type: UINT, arg: this.clone(f) },
          ),
        );
      case 6:
      case 7:
        return this.bin(this.pick(['<', '<=', '>', '>=', '==', '!='] as const), e, f);
      default:
        return e;
    }
  }

  program(): Program {
    const nParams = this.int(1, 2);
    const params: Local[] = [];
    for (let i = 0; i < nParams; i++)
      params.push({ name: 'ab'[i], type: this.pick([UCHAR, SCHAR]) });
    const scope: Local[] = [...params];
    const body: Stmt[] = [];
    const nDecls = this.int(0, 2);
    for (let i = 0; i < nDecls; i++) {
      const v: Local = { name: `t${i}`, type: this.pick([INT, INT, UINT, UCHAR, SCHAR, SHORT]) };
      body.push({ k: 'decl', v, init: this.expr(3, scope) });
      scope.push(v);
    }
    const locals = scope.filter((v) => !params.includes(v));
    if (locals.length > 0 && this.chance(0.4)) {
      body.push({
        k: 'if',
        cond: this.expr(2, scope),
        v: this.pick(locals),
        then: this.expr(2, scope),
        else: this.expr(2, scope),
      });
    }
    if (locals.length > 0 && this.chance(0.3)) {
      const inner = [...scope, { name: 'i', type: INT }];
      body.push({ k: 'for', n: this.int(1, 4), v: this.pick(locals), body: this.expr(2, inner) });
    }
    return { params, body, ret: this.returnExpr(scope) };
  }
}

// ---------------------------------------------------------------- rendering with spans

/** Where an operator sits: 1-based line, columns of the expression (with and without its parentheses) and of the operator token. */
interface OpSpan {
  readonly line: number;
  readonly outer: readonly [number, number];
  readonly inner: readonly [number, number];
  readonly token: readonly [number, number];
}

function atomic(e: Expr): boolean {
  return (
    e.k === 'var' || e.k === 'const' || e.k === 'binary' || e.k === 'cond' || e.k === 'logical'
  );
}

class Renderer {
  readonly lines: string[] = [];
  readonly spans = new Map<number, OpSpan>();

  /** Renders `e` into `buf`; positions are recorded relative to `base` (0-based column of buf[0]). */
  private expr(e: Expr, buf: string[], base: number, line: number): void {
    const pos = (): number => base + buf.join('').length;
    switch (e.k) {
      case 'var':
        buf.push(e.name);
        return;
      case 'const':
        buf.push(e.text);
        return;
      case 'unary': {
        const start = pos();
        buf.push(e.op);
        const wrap = !atomic(e.arg) || e.arg.k === 'const';
        if (wrap) buf.push('(');
        this.expr(e.arg, buf, base, line);
        if (wrap) buf.push(')');
        const end = pos();
        this.spans.set(e.id, {
          line,
          outer: [start, end],
          inner: [start, end],
          token: [start, start + 1],
        });
        return;
      }
      case 'binary': {
        const outerStart = pos();
        buf.push('(');
        const innerStart = pos();
        this.expr(e.left, buf, base, line);
        buf.push(' ');
        const tokStart = pos();
        buf.push(e.op);
        const tokEnd = pos();
        buf.push(' ');
        this.expr(e.right, buf, base, line);
        const innerEnd = pos();
        buf.push(')');
        this.spans.set(e.id, {
          line,
          outer: [outerStart, pos()],
          inner: [innerStart, innerEnd],
          token: [tokStart, tokEnd],
        });
        return;
      }
      case 'logical':
        buf.push('(');
        this.expr(e.left, buf, base, line);
        buf.push(` ${e.op} `);
        this.expr(e.right, buf, base, line);
        buf.push(')');
        return;
      case 'cond':
        buf.push('(');
        this.expr(e.c, buf, base, line);
        buf.push(' ? ');
        this.expr(e.t, buf, base, line);
        buf.push(' : ');
        this.expr(e.e, buf, base, line);
        buf.push(')');
        return;
      case 'cast': {
        buf.push(`(${e.type.name})`);
        const wrap = !atomic(e.arg) || e.arg.k === 'const';
        if (wrap) buf.push('(');
        this.expr(e.arg, buf, base, line);
        if (wrap) buf.push(')');
        return;
      }
    }
  }

  /** Appends `prefix EXPR suffix` as one line. */
  line(prefix: string, e: Expr, suffix: string): void {
    const buf: string[] = [];
    const lineNo = this.lines.length + 1;
    this.expr(e, buf, prefix.length, lineNo);
    this.lines.push(prefix + buf.join('') + suffix);
  }
  text(s: string): void {
    this.lines.push(s);
  }
}

function render(p: Program, fnName: string): { source: string; spans: Map<number, OpSpan> } {
  const r = new Renderer();
  r.text(`int ${fnName}(${p.params.map((v) => `${v.type.name} ${v.name}`).join(', ')}) {`);
  for (const s of p.body) {
    switch (s.k) {
      case 'decl':
        r.line(`  ${s.v.type.name} ${s.v.name} = `, s.init, ';');
        break;
      case 'if':
        r.line('  if (', s.cond, ') {');
        r.line(`    ${s.v.name} = `, s.then, ';');
        r.text('  } else {');
        r.line(`    ${s.v.name} = `, s.else, ';');
        r.text('  }');
        break;
      case 'for':
        r.text(`  for (int i = 0; i < ${s.n}; i++) {`);
        r.line(`    ${s.v.name} = `, s.body, ';');
        r.text('  }');
        break;
    }
  }
  r.line('  return ', p.ret, ';');
  r.text('}');
  return { source: r.lines.join('\n') + '\n', spans: r.spans };
}

// ---------------------------------------------------------------- reference evaluator

/**
 * `negative-left` is a left shift of a negative value: UB by C11 6.5.7p4; the
 * spec lists it apart from signed overflow and shift amounts, so arc may file
 * it under either kind (its C front-end uses `shift`).
 */
type FailKind = 'overflow' | 'div-by-zero' | 'shift' | 'negative-left';
const ARC_KINDS: Readonly<Record<FailKind, readonly string[]>> = {
  overflow: ['overflow'],
  'div-by-zero': ['div-by-zero'],
  shift: ['shift'],
  'negative-left': ['shift', 'overflow'],
};
/** The checks that may be the first to fail (operands of one operator are unsequenced). */
class Fail {
  constructor(readonly checks: ReadonlyMap<string, { kind: FailKind; id: number }>) {}
  static of(kind: FailKind, id: number): Fail {
    return new Fail(new Map([[`${kind}@${id}`, { kind, id }]]));
  }
  static union(a: Fail, b: Fail): Fail {
    return new Fail(new Map([...a.checks, ...b.checks]));
  }
}
type Res = number | Fail;
type Env = Map<string, number>;

function evalExpr(e: Expr, env: Env): Res {
  switch (e.k) {
    case 'var': {
      const v = env.get(e.name);
      if (v === undefined) throw new Error(`unbound ${e.name}`);
      return v;
    }
    case 'const':
      return e.value;
    case 'cast': {
      const v = evalExpr(e.arg, env);
      return v instanceof Fail ? v : convert(v, e.type);
    }
    case 'unary': {
      const v = evalExpr(e.arg, env);
      if (v instanceof Fail) return v;
      const t = promote(typeOf(e.arg));
      if (e.op === '!') return v === 0 ? 1 : 0;
      if (e.op === '~') return t.signed ? ~v : ~v >>> 0;
      if (t.signed && v === INT_MIN) return Fail.of('overflow', e.id);
      return v === 0 ? 0 : t.signed ? -v : convert(-v, UINT);
    }
    case 'logical': {
      const l = evalExpr(e.left, env);
      if (l instanceof Fail) return l;
      if (e.op === '&&' && l === 0) return 0;
      if (e.op === '||' && l !== 0) return 1;
      const r = evalExpr(e.right, env);
      if (r instanceof Fail) return r;
      return r !== 0 ? 1 : 0;
    }
    case 'cond': {
      const c = evalExpr(e.c, env);
      if (c instanceof Fail) return c;
      const v = evalExpr(c !== 0 ? e.t : e.e, env);
      return v instanceof Fail ? v : convert(v, typeOf(e));
    }
    case 'binary':
      return evalBinary(e.op, e.id, e.left, e.right, env);
  }
}

function evalBinary(op: ArithOp | CmpOp, id: number, left: Expr, right: Expr, env: Env): Res {
  const lv = evalExpr(left, env);
  const rv = evalExpr(right, env);
  if (lv instanceof Fail || rv instanceof Fail) {
    if (lv instanceof Fail && rv instanceof Fail) return Fail.union(lv, rv);
    return lv instanceof Fail ? lv : (rv as Fail);
  }
  const lt = typeOf(left);
  const rt = typeOf(right);
  if (op === '<<' || op === '>>') {
    const pt = promote(lt);
    const amount = rv; // the promoted right operand's value (non-negative when unsigned)
    if (amount < 0 || amount >= 32) {
      let f = Fail.of('shift', id);
      if (op === '<<' && pt.signed && lv < 0) f = Fail.union(f, Fail.of('negative-left', id));
      return f;
    }
    if (op === '>>') return pt.signed ? lv >> amount : lv >>> amount;
    if (!pt.signed) return convert(lv * 2 ** amount, UINT);
    if (lv < 0) return Fail.of('negative-left', id);
    if (lv * 2 ** amount > INT_MAX) return Fail.of('overflow', id);
    return lv * 2 ** amount;
  }
  const t = common(lt, rt);
  const a = convert(lv, t);
  const b = convert(rv, t);
  switch (op) {
    case '<':
      return a < b ? 1 : 0;
    case '<=':
      return a <= b ? 1 : 0;
    case '>':
      return a > b ? 1 : 0;
    case '>=':
      return a >= b ? 1 : 0;
    case '==':
      return a === b ? 1 : 0;
    case '!=':
      return a !== b ? 1 : 0;
    case '&':
      return convert(a & b, t);
    case '|':
      return convert(a | b, t);
    case '^':
      return convert(a ^ b, t);
    case '/':
    case '%': {
      if (b === 0) return Fail.of('div-by-zero', id);
      if (t.signed && a === INT_MIN && b === -1) return Fail.of('overflow', id);
      if (op === '%') return a % b === 0 ? 0 : a % b;
      return Math.trunc(a / b) === 0 ? 0 : Math.trunc(a / b);
    }
    case '+':
    case '-':
    case '*': {
      const exact = op === '+' ? a + b : op === '-' ? a - b : a * b;
      if (!t.signed) return op === '*' ? Math.imul(a, b) >>> 0 : convert(exact, UINT);
      if (exact < INT_MIN || exact > INT_MAX) return Fail.of('overflow', id);
      return exact === 0 ? 0 : exact;
    }
  }
}

type Outcome =
  | { readonly kind: 'returned'; readonly value: number }
  | { readonly kind: 'ub'; readonly fail: Fail };

function run(p: Program, inputs: readonly number[]): Outcome {
  const env: Env = new Map();
  p.params.forEach((v, i) => env.set(v.name, inputs[i]));
  const assign = (v: Local, e: Expr): Fail | null => {
    const r = evalExpr(e, env);
    if (r instanceof Fail) return r;
    env.set(v.name, convert(r, v.type));
    return null;
  };
  for (const s of p.body) {
    switch (s.k) {
      case 'decl': {
        const f = assign(s.v, s.init);
        if (f) return { kind: 'ub', fail: f };
        break;
      }
      case 'if': {
        const c = evalExpr(s.cond, env);
        if (c instanceof Fail) return { kind: 'ub', fail: c };
        const f = assign(s.v, c !== 0 ? s.then : s.else);
        if (f) return { kind: 'ub', fail: f };
        break;
      }
      case 'for':
        for (let i = 0; i < s.n; i++) {
          env.set('i', i);
          const f = assign(s.v, s.body);
          if (f) return { kind: 'ub', fail: f };
        }
        env.delete('i');
        break;
    }
  }
  const r = evalExpr(p.ret, env);
  if (r instanceof Fail) return { kind: 'ub', fail: r };
  return { kind: 'returned', value: convert(r, INT) };
}

function failed(o: Outcome): boolean {
  return o.kind === 'ub' || o.value === 0;
}

function* allInputs(p: Program): Generator<number[]> {
  const ranges = p.params.map((v) => range(v.type));
  if (ranges.length === 1) {
    for (let x = ranges[0][0]; x <= ranges[0][1]; x++) yield [x];
    return;
  }
  for (let x = ranges[0][0]; x <= ranges[0][1]; x++)
    for (let y = ranges[1][0]; y <= ranges[1][1]; y++) yield [x, y];
}

// ---------------------------------------------------------------- gcc cross-check of the reference

function crossCheckWithGcc(
  p: Program,
  source: string,
  fnName: string,
  dir: string,
  label: string,
): void {
  const n = p.params.length;
  const harness = `${source}
#include <stdio.h>
int main(int argc, char **argv) {
  long long v[2];
  if (argc > 1) {
    for (int i = 0; i < ${n}; i++) sscanf(argv[i + 1], "%lld", &v[i]);
    printf("%d\\n", ${fnName}(${p.params.map((_, i) => `v[${i}]`).join(', ')}));
    return 0;
  }
  while (scanf("${p.params.map(() => '%lld').join(' ')}", ${p.params.map((_, i) => `&v[${i}]`).join(', ')}) == ${n})
    printf("%d\\n", ${fnName}(${p.params.map((_, i) => `v[${i}]`).join(', ')}));
  return 0;
}
`;
  const cFile = path.join(dir, `${label}.c`);
  const exe = path.join(dir, label);
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
      exe,
    ],
    { encoding: 'utf8' },
  );
  assert.equal(cc.status, 0, `gcc failed on ${label}:\n${cc.stderr}\n${source}`);
  const defined: number[][] = [];
  const expected: number[] = [];
  const undefinedInputs: number[][] = [];
  for (const inp of allInputs(p)) {
    const o = run(p, inp);
    if (o.kind === 'returned') {
      defined.push(inp);
      expected.push(o.value);
    } else if (undefinedInputs.length < 3) {
      undefinedInputs.push(inp);
    }
  }
  const out = spawnSync(exe, [], {
    input: defined.map((i) => i.join(' ')).join('\n') + '\n',
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  assert.equal(
    out.status,
    0,
    `gcc+UBSan found UB the reference missed in ${label}:\n${out.stderr}\n${source}`,
  );
  const got = out.stdout.trim() === '' ? [] : out.stdout.trim().split('\n').map(Number);
  assert.equal(got.length, expected.length, `gcc run of ${label} printed ${got.length} results`);
  for (let i = 0; i < expected.length; i++) {
    if (got[i] !== expected[i]) {
      assert.fail(
        `reference and gcc disagree in ${label} on ${defined[i].join(', ')}: ${expected[i]} vs ${got[i]}\n${source}`,
      );
    }
  }
  for (const inp of undefinedInputs) {
    const r = spawnSync(exe, inp.map(String), { encoding: 'utf8' });
    assert.ok(
      r.status !== 0 && /runtime error/.test(r.stderr),
      `the reference says ${label}(${inp.join(', ')}) is undefined but UBSan is silent\n${source}`,
    );
  }
}

// ---------------------------------------------------------------- matching arc's property to the reference

interface ArcProperty {
  readonly id: string;
  readonly kind: string;
  readonly span: { startLine: number; startCol: number; endLine: number; endCol: number };
}

/** Does arc's property denote the reference check `check` (same kind, span of that operator)? */
function sameCheck(prop: ArcProperty, kind: FailKind, span: OpSpan): boolean {
  if (!ARC_KINDS[kind].includes(prop.kind)) return false;
  const s = prop.span;
  if (s.startLine !== span.line || s.endLine !== span.line) return false;
  // columns: ours are 0-based, end-exclusive; SourceSpan's are 1-based, end-exclusive
  const start = s.startCol - 1;
  const end = s.endCol - 1;
  const containsToken = start <= span.token[0] && end >= span.token[1];
  const insideOuter = start >= span.outer[0] && end <= span.outer[1];
  return containsToken && insideOuter;
}

// ---------------------------------------------------------------- the test

const SEED = Number(process.env.ARC_DIFF_SEED ?? 20241126);
const COUNT = Number(process.env.ARC_DIFF_COUNT ?? 40);

test(`differential: ${COUNT} random 8-bit functions (seed ${SEED}) against a reference evaluator`, async (t) => {
  const gen = new Gen(prng(SEED));
  const dir = mkdtempSync(path.join(tmpdir(), 'arc-diff8-'));
  const useGcc = gccAvailable();
  const tally = { yes: 0, no: 0, unknown: 0 };
  const unknowns: string[] = [];
  try {
    for (let k = 0; k < COUNT; k++) {
      const p = gen.program();
      const fnName = `f${k}`;
      const { source, spans } = render(p, fnName);
      const label = `${fnName} (seed ${SEED})`;
      const file = path.join(dir, `${fnName}.c`);
      writeFileSync(file, source);
      if (useGcc) crossCheckWithGcc(p, source, fnName, dir, fnName);

      const result = await prove({ file, function: fnName, returnsTrue: true, timeoutSeconds: 60 });
      if (result.kind === 'bad-input') {
        assert.fail(
          `${label}: bad input: ${result.diagnostics.map((d) => d.message).join('; ')}\n${source}`,
        );
      }
      const v = result.verdict;
      tally[v.answer]++;
      const context = `${label}: arc says ${describeVerdict(v)}\n${source}`;

      if (v.answer === 'yes') {
        for (const inp of allInputs(p)) {
          const o = run(p, inp);
          if (failed(o)) {
            const what =
              o.kind === 'ub'
                ? [...o.fail.checks.values()].map((c) => `${c.kind}#${c.id}`).join(' or ')
                : 'returns 0';
            assert.fail(`WRONG YES: input (${inp.join(', ')}) fails (${what}) — ${context}`);
          }
        }
      } else if (v.answer === 'no') {
        const cx = v.witness;
        const inputs = p.params.map((param) => {
          const iv = cx.inputs.find((i) => i.name === param.name);
          assert.ok(iv !== undefined, `counterexample lacks parameter ${param.name} — ${context}`);
          const n = Number(iv.value);
          const [lo, hi] = range(param.type);
          assert.ok(
            Number.isInteger(n) && n >= lo && n <= hi,
            `input ${iv.name}=${iv.value} out of range — ${context}`,
          );
          return n;
        });
        assert.equal(cx.replay.interpreter, 'agrees', `interpreter replay — ${context}`);
        assert.ok(cx.replay.compiler !== 'disagrees', `compiler replay disagrees — ${context}`);
        const o = run(p, inputs);
        assert.ok(
          failed(o),
          `WRONG NO: the reference runs (${inputs.join(', ')}) without failure — ${context}`,
        );
        if (o.kind === 'returned') {
          assert.equal(
            cx.property.kind,
            'returns-true',
            `first failure is returning 0 — ${context}`,
          );
        } else {
          const matches = [...o.fail.checks.values()].some((c) => {
            const span = spans.get(c.id);
            return span !== undefined && sameCheck(cx.property, c.kind, span);
          });
          const expected = [...o.fail.checks.values()]
            .map((c) => `${c.kind} at ${JSON.stringify(spans.get(c.id))}`)
            .join(' or ');
          assert.ok(
            matches,
            `arc's property is not a first failure (expected ${expected}) — ${context}`,
          );
        }
      } else {
        unknowns.push(`${label}: ${v.reason.code}: ${v.reason.message}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const summary = `yes ${tally.yes}, no ${tally.no}, unknown ${tally.unknown}`;
  t.diagnostic(summary);
  for (const u of unknowns) t.diagnostic(u);
  assert.ok(
    tally.unknown * 10 < COUNT,
    `too many don't-knows (${summary}):\n${unknowns.join('\n')}`,
  );
  assert.ok(
    tally.yes >= 3 && tally.no >= 3,
    `the generator should produce both answers (${summary})`,
  );
});
