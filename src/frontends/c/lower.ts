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
  bvType,
  constant,
  variable,
  type Expr,
  type PropertyKind,
  type Type,
} from '../../ir/ir.js';
import { FnBuilder } from '../builder.js';
import {
  bitFieldBytes,
  cRange,
  integerConstant,
  irTypeOf,
  isBool,
  isScalarC,
  layoutOf,
  promote,
  ptrTo,
  typeText,
  usualArithmetic,
  type BitField,
  type CInt,
  type CPtr,
  type CScalar,
  type CStruct,
  type CType,
} from './ctypes.js';
import { Memory, ObjState } from './memory.js';
import { effectsOf, type CalleeEffects } from './effects.js';
import { LowerError } from '../errors.js';
import { binary, cast, compare, exprRange, isConst, ite, not, overflow, unary } from './fold.js';
import type { SyntaxNode } from './parser.js';
import {
  CHAR_ESCAPES,
  charValue,
  qualifiers,
  type GlobalInfo,
  type ProgramInfo,
} from './program.js';
import type { SourceMap } from './srcmap.js';

/** A lowered rvalue: a pure IR expression of `irT(t)` (a pointer: the memory model's pointer type). */
export interface Val {
  readonly e: Expr;
  readonly t: CScalar;
}

/** An integer rvalue. */
export interface IntVal {
  readonly e: Expr;
  readonly t: CInt;
}

/** A place in memory: the address of an object (or part of one) of type `type`. */
export interface Loc {
  readonly addr: Expr;
  readonly type: CType;
  /** The source text that designates it, for messages. */
  readonly what: string;
  /**
   * `a[i]` of an array `a` of known length: an access must also keep the
   * index in [0, length) (C11 6.5.6p8, J.2: even inside a larger object).
   */
  readonly bound?: { readonly index: IntVal; readonly length: number; readonly array: string };
  /**
   * A bit-field: `type` is its declared integer type and `addr` the first
   * byte its bits touch (an access loads and stores the bytes they cover).
   */
  readonly bits?: BitField;
}

export type Binding =
  /** A variable held in one IR variable (its address is never taken). */
  | { readonly kind: 'var'; readonly name: string; readonly type: CScalar }
  /** A variable in memory at `addr` (the IR variable holding its address, or a constant). */
  | { readonly kind: 'mem'; readonly addr: Expr; readonly type: CType }
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
  /** Names whose address this function's body takes (`&x`): they live in memory. */
  readonly addressTaken: ReadonlySet<string>;
  /** Stack objects by open block (innermost last), killed when the block is left. */
  readonly objects: string[][];
  /** Depth of `objects` at each enclosing loop or switch (`breaks`/`conts` targets). */
  readonly breakDepths: number[];
  readonly contDepths: number[];
  /** Depth of `objects` at each label defined so far. */
  readonly labelDepths: Map<string, number>;
  /** Jumps to labels not yet defined, with the objects of each open block then. */
  readonly pendingGotos: { label: string; node: SyntaxNode; objects: number[] }[];
}

export interface LowerSettings {
  readonly math: boolean;
  /** `malloc`, `calloc` and `realloc` may return NULL. */
  readonly mallocMayFail: boolean;
  /** See CFrontendOptions.undefinedPure. */
  readonly undefinedPure: boolean;
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
  /** Globals held in IR variables, used so far: source name → IR variable. */
  readonly globals = new Map<string, { name: string; info: GlobalInfo; type: CScalar }>();
  /** Globals in memory, used so far: source name → static object. */
  readonly memGlobals = new Map<string, { id: number; info: GlobalInfo; type: CType }>();
  /** Functions whose address is used: name → static object id. */
  readonly functionObjects = new Map<string, number>();
  readonly mem: Memory;
  /** While a library model is inlined: where it was called (its checks are reported there). */
  modelCall: { readonly span: SourceSpan; readonly pos: number; readonly owner: string } | null =
    null;
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
  ) {
    this.mem = new Memory(this.b, prog.model);
  }

  get T(): ProgramInfo['T'] {
    return this.prog.T;
  }

  span(node: SyntaxNode): SourceSpan {
    if (this.modelCall !== null) return this.modelCall.span;
    return this.sm.span(node.startIndex, node.endIndex);
  }

  fail(node: SyntaxNode, message: string, code: DiagnosticCode = 'unsupported'): never {
    throw new LowerError(diagnostic(code, 'error', message, this.span(node)));
  }

  unsupported(node: SyntaxNode, what: string): never {
    return this.fail(node, `unsupported: ${what}`);
  }

  irT(t: CScalar): Type {
    if (t.kind === 'ptr') return this.mem.ptrT;
    return irTypeOf(t, this.settings.math);
  }

  intType(t: CType, node: SyntaxNode): CInt {
    if (t.kind === 'int') return t;
    if (t.kind === 'void') return this.fail(node, 'a void value is used', 'type-error');
    if (t.kind === 'unsupported') return this.unsupported(node, t.what);
    return this.fail(node, `a value of type ${typeText(t)} is used as an integer`, 'type-error');
  }

  /** A type held in one IR variable (an integer or a pointer). */
  scalarType(t: CType, node: SyntaxNode): CScalar {
    if (t.kind === 'ptr') {
      this.needMemory(node);
      return t;
    }
    return this.intType(t, node);
  }

  /** Memory needs C semantics (bit-vectors); under --semantics math it is unsupported. */
  needMemory(node: SyntaxNode): void {
    if (this.settings.math)
      this.unsupported(node, 'pointers and memory under mathematical-integer semantics');
  }

  /** `v` as an integer; a pointer here is a type error. */
  int(v: Val, node: SyntaxNode): IntVal {
    if (v.t.kind === 'int') return v as IntVal;
    return this.fail(node, `a pointer is used where C requires an integer`, 'type-error');
  }

  // ---- conversions -------------------------------------------------------

  /** The value as an IR bool (C's "compares unequal to 0"). */
  cond(v: Val): Expr {
    if (v.e.type.kind === 'bool') return v.e;
    if (v.e.kind === 'cast' && v.e.arg.type.kind === 'bool') return v.e.arg;
    return compare('ne', v.e, constant(v.e.type, 0n));
  }

  /**
   * Conversion of a value to a scalar C type (C11 6.3.1.2, 6.3.1.3; signed
   * targets wrap). Pointers convert to and from integers by their bits.
   */
  conv(v: Val, to: CScalar): Expr {
    if (to.kind === 'int' && isBool(to)) return this.cond(v);
    return cast(v.e, this.irT(to));
  }

  boolVal(e: Expr): IntVal {
    return { e: cast(e, this.irT(this.T.int)), t: this.T.int };
  }

  intConst(value: bigint, t: CInt = this.T.int): IntVal {
    return { e: constant(this.irT(t), value), t };
  }

  /** The unsigned integer type of `sizeof` (size_t). */
  get sizeT(): CInt {
    return this.prog.model === 'LP64' ? this.T.ulong : this.T.uint;
  }

  /** The signed integer type of a pointer difference (ptrdiff_t). */
  get diffT(): CInt {
    return this.prog.model === 'LP64' ? this.T.long : this.T.int;
  }

  // ---- checks ------------------------------------------------------------

  check(
    kind: PropertyKind,
    node: SyntaxNode,
    pos: number,
    tag: number,
    ok: Expr,
    what: string,
    cut = false,
  ): void {
    if (isConst(ok) && ok.value !== 0n) return;
    const span = this.span(node);
    // A check inside a library model belongs to the call: one property per call site.
    const m = this.modelCall;
    const key = this.b.property({
      owner: m?.owner ?? this.frame.name,
      kind,
      pos: m?.pos ?? pos,
      tag: m === null ? tag : 1_000 + pos * 16 + tag,
      description: m === null ? what : `${this.frame.name}: ${what}`,
      span,
      ...(cut ? { cut: true as const } : {}),
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

  /** An integer-valued expression. */
  expr(node: SyntaxNode): IntVal {
    return this.int(this.value(node), node);
  }

  /** A scalar-valued expression (an integer or a pointer). */
  value(node: SyntaxNode): Val {
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
      case 'pointer_expression':
        return this.pointerExpr(node);
      case 'subscript_expression':
      case 'field_expression':
      case 'string_literal':
      case 'concatenated_string':
      case 'compound_literal_expression': {
        const loc = this.location(node);
        if (loc.type.kind === 'struct') {
          if (!used) return null;
          this.lastAggregate = loc;
          return null;
        }
        return this.read(loc, node);
      }
      case 'null':
        return this.nullPtr();
      case 'offsetof_expression':
        return this.offsetOf(node);
      default:
        return this.unsupported(node, EXPR_WHAT[node.type] ?? `the expression ${this.text(node)}`);
    }
  }

  /** `&e` and `*e`. */
  private pointerExpr(node: SyntaxNode): Val | null {
    const { op } = this.opText(node);
    const arg = this.field(node, 'argument');
    if (op === '*') {
      const loc = this.location(node);
      if (loc.type.kind === 'struct') {
        this.lastAggregate = loc;
        return null;
      }
      // `*p` with p a `void *`: a void expression (C11 6.3.2.2), evaluated for p alone.
      if (loc.type.kind === 'void') return null;
      return this.read(loc, node);
    }
    let inner = arg;
    while (inner.type === 'parenthesized_expression') inner = this.only(inner);
    // `&a[i]` is `a + i`: pointer arithmetic, checked as such.
    if (inner.type === 'subscript_expression') {
      const loc = this.subscript(inner, true);
      return { e: loc.addr, t: ptrTo(loc.type) };
    }
    if (
      inner.type === 'identifier' &&
      !this.scope.lookup(inner.text) &&
      !this.prog.globals.has(inner.text) &&
      this.prog.functions.has(inner.text)
    )
      return this.functionPointer(inner.text, inner);
    const lv = this.lvalue(inner);
    if (lv.kind === 'var')
      return this.fail(
        node,
        `internal error: the address of ${inner.text} is taken but it is not in memory`,
        'type-error',
      );
    if (lv.loc.bits !== undefined)
      return this.fail(
        node,
        `the address of the bit-field ${lv.loc.what} is taken (C11 6.5.3.2p1: a bit-field has no address)`,
        'type-error',
      );
    return { e: lv.loc.addr, t: ptrTo(lv.loc.type) };
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
    this.literals.add(c.value);
    return this.intConst(c.value, c.type);
  }

  /** tree-sitter folds a sign into number literals: `-1` is `-(1)` in C. */
  private signedNumber(node: SyntaxNode, sign: string): Val {
    const c = integerConstant(node.text.slice(1).trim(), this.T);
    if (!c.ok) return this.unsupported(node, c.reason);
    this.literals.add(sign === '-' ? -c.value : c.value);
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
      if (b.kind === 'var') return { e: variable(b.name, this.irT(b.type)), t: b.type };
      return this.read(this.bindingLoc(b, name), node);
    }
    const k = this.prog.enumConsts.get(name);
    if (k !== undefined) return this.intConst(k);
    const g = this.prog.globals.get(name);
    if (g) {
      const v = this.global(g, node);
      if ('addr' in v) return this.read(v, node);
      return { e: variable(v.name, this.irT(v.type)), t: v.type };
    }
    if (this.prog.functions.has(name)) return this.functionPointer(name, node);
    if (name === 'NULL') return this.nullPtr();
    if (name === '__func__') return this.read(this.funcName(node), node);
    return this.fail(node, `${name} is not declared`, 'type-error');
  }

  nullPtr(): Val {
    return { e: constant(this.mem.ptrT, 0n), t: ptrTo({ kind: 'void' }) };
  }

  /** A pointer to the function `name` (its address taken). */
  functionPointer(name: string, node: SyntaxNode): Val {
    this.needMemory(node);
    const info = this.prog.functions.get(name);
    let id = this.functionObjects.get(name);
    if (id === undefined) {
      id = this.mem.staticObject(ObjState.function, 0, null, `function ${name}`);
      this.functionObjects.set(name, id);
    }
    const f: CType = info
      ? {
          kind: 'func',
          ret: info.returnType,
          params: info.params.map((p) => p.type),
          variadic: info.variadic,
        }
      : { kind: 'unsupported', what: `the function ${name}` };
    return { e: this.mem.ptrConst(id, 0), t: ptrTo(f) };
  }

  bindingLoc(b: Extract<Binding, { kind: 'mem' }>, name: string): Loc {
    return { addr: b.addr, type: b.type, what: name };
  }

  /** Whether a global lives in memory: arrays, structs, unions, and any whose address is taken. */
  private globalInMemory(info: GlobalInfo): boolean {
    return !isScalarC(info.type) || this.prog.addressTakenGlobals.has(info.name);
  }

  /** A global: its IR variable, or its place in memory. */
  global(info: GlobalInfo, use: SyntaxNode): { name: string; type: CScalar } | Loc {
    const known = this.globals.get(info.name);
    if (known) return known;
    const inMem = this.memGlobals.get(info.name);
    if (inMem) return { addr: this.mem.ptrConst(inMem.id, 0), type: inMem.type, what: info.name };
    if (info.type.kind === 'unsupported' || info.type.kind === 'void')
      return this.unsupported(
        use,
        `${info.type.kind === 'void' ? 'void' : info.type.what} (global ${info.name})`,
      );
    if (this.globalInMemory(info)) {
      this.needMemory(use);
      const l = layoutOf(info.type, this.prog.model);
      if (l === null)
        return this.unsupported(
          use,
          `the global ${info.name} of incomplete type ${typeText(info.type)}`,
        );
      const id = this.mem.staticObject(
        info.isConst ? ObjState.readOnly : ObjState.global,
        l.size,
        null,
        info.name,
      );
      this.memGlobals.set(info.name, { id, info, type: info.type });
      return { addr: this.mem.ptrConst(id, 0), type: info.type, what: info.name };
    }
    const type = this.scalarType(info.type, use);
    const name = this.b.fresh(info.name);
    const v = {
      name,
      type: this.irT(type),
      sourceName: info.name,
      sourceType: typeText(type),
      span: this.span(info.node),
    };
    const initialised = this.settings.globalsInitialised || info.isConst;
    this.b.addVar(v, !initialised);
    const g = { name, info, type };
    this.globals.set(info.name, g);
    return g;
  }

  /** The target of an assignment: an IR variable or a place in memory. */
  lvalue(
    node: SyntaxNode,
  ): { kind: 'var'; name: string; type: CScalar } | { kind: 'loc'; loc: Loc } {
    if (node.type === 'parenthesized_expression') return this.lvalue(this.only(node));
    if (node.type === 'identifier') {
      const b = this.scope.lookup(node.text);
      if (b?.kind === 'var') return { kind: 'var', name: b.name, type: b.type };
      if (b?.kind === 'mem') return { kind: 'loc', loc: this.bindingLoc(b, node.text) };
      if (b?.kind === 'unsupported')
        return this.unsupported(node, `${b.what} (variable ${node.text})`);
      const g = this.prog.globals.get(node.text);
      if (g) {
        const v = this.global(g, node);
        return 'addr' in v ? { kind: 'loc', loc: v } : { kind: 'var', ...v };
      }
      if (node.text === '__func__') return { kind: 'loc', loc: this.funcName(node) };
      return this.fail(node, `${node.text} is not an assignable variable`, 'type-error');
    }
    return { kind: 'loc', loc: this.location(node) };
  }

  // ---- memory ------------------------------------------------------------------

  /** The place an lvalue expression designates (not a register variable). */
  location(node: SyntaxNode): Loc {
    switch (node.type) {
      case 'parenthesized_expression':
        return this.location(this.only(node));
      case 'identifier': {
        const lv = this.lvalue(node);
        if (lv.kind === 'loc') return lv.loc;
        return this.fail(node, `internal error: ${node.text} is not in memory`, 'type-error');
      }
      case 'pointer_expression': {
        const { op } = this.opText(node);
        if (op !== '*') break;
        const arg = this.field(node, 'argument');
        const p = this.value(arg);
        if (p.t.kind !== 'ptr')
          return this.fail(node, `${this.text(arg)} is not a pointer`, 'type-error');
        return { addr: p.e, type: p.t.to, what: this.text(node) };
      }
      case 'subscript_expression':
        return this.subscript(node);
      case 'field_expression':
        return this.fieldLoc(node);
      case 'string_literal':
      case 'concatenated_string':
        return this.stringLiteral(node);
      case 'compound_literal_expression':
        return this.compoundLiteral(node);
      default:
        break;
    }
    return this.unsupported(node, `${this.text(node)} as an lvalue`);
  }

  private subscript(node: SyntaxNode, arith = false): Loc {
    const argNode = this.field(node, 'argument');
    const declared = this.typeOfExpr(argNode);
    const a = this.value(argNode);
    const indexNode = this.field(node, 'index');
    const i = this.value(indexNode);
    const [base, index] = a.t.kind === 'ptr' ? [a, i] : [i, a];
    if (base.t.kind !== 'ptr')
      return this.fail(
        node,
        `${this.text(node)}: neither operand is a pointer or array`,
        'type-error',
      );
    const elem = base.t.to;
    const idx = this.int(index, indexNode);
    const addr = this.ptrAdd(base as Val & { t: CPtr }, idx, node, arith);
    // An array of known length (not a pointer): the index must stay inside it.
    const bound =
      declared.kind === 'array' && declared.length !== null && declared.length > 1 && base === a
        ? { index: idx, length: declared.length, array: this.text(argNode) }
        : undefined;
    return { addr, type: elem, what: this.text(node), ...(bound ? { bound } : {}) };
  }

  private fieldLoc(node: SyntaxNode): Loc {
    const arg = this.field(node, 'argument');
    const fieldName = this.field(node, 'field').text;
    const arrow = node.children.some((c) => !c.isNamed && c.text === '->');
    let base: Loc;
    if (arrow) {
      const p = this.value(arg);
      if (p.t.kind !== 'ptr')
        return this.fail(node, `${this.text(arg)} is not a pointer`, 'type-error');
      base = { addr: p.e, type: p.t.to, what: `*${this.text(arg)}` };
    } else base = this.aggregate(arg);
    const t = base.type;
    if (t.kind !== 'struct')
      return this.fail(node, `${this.text(arg)} is not a struct or union`, 'type-error');
    if (t.fields === null) return this.fail(node, `${typeText(t)} is incomplete`, 'type-error');
    this.programErrors();
    const f = findField(t, fieldName);
    if (f === null)
      return this.fail(node, `${typeText(t)} has no member ${fieldName}`, 'type-error');
    if (f.type.kind === 'unsupported') return this.unsupported(node, f.type.what);
    return {
      addr: this.mem.add(base.addr, BigInt(f.offset)),
      type: f.type,
      what: this.text(node),
      ...(f.bits ? { bits: f.bits } : {}),
    };
  }

  /** Throws the first declaration in the user's file that C forbids (`ProgramInfo.errors`). */
  programErrors(): void {
    const e = this.prog.errors.find((x) => this.sm.isUser(x.node.startIndex));
    if (e !== undefined) this.fail(e.node, e.message, 'type-error');
  }

  /** A string literal: a read-only static object holding its bytes and a NUL. */
  stringLiteral(node: SyntaxNode): Loc {
    this.needMemory(node);
    const bytes = stringBytes(node);
    if (bytes === null) return this.unsupported(node, `the string literal ${this.text(node)}`);
    return this.readOnlyString(bytes, this.text(node));
  }

  /** `__func__` (C11 6.4.2.2): the name of the function whose body it is in, as a string. */
  private funcName(node: SyntaxNode): Loc {
    this.needMemory(node);
    const name = this.modelCall?.owner ?? this.frame.name;
    return this.readOnlyString(
      Array.from(name, (c) => c.charCodeAt(0) & 0xff),
      '__func__',
    );
  }

  private readOnlyString(bytes: number[], what: string): Loc {
    const all = [...bytes, 0];
    const id = this.mem.staticObject(
      ObjState.readOnly,
      all.length,
      new Map(all.map((b, i) => [i, b])),
      what,
    );
    return {
      addr: this.mem.ptrConst(id, 0),
      type: { kind: 'array', of: this.T.char, length: all.length },
      what,
    };
  }

  /** `(T){ ... }`: a fresh object of the enclosing block. */
  private compoundLiteral(node: SyntaxNode): Loc {
    const t = this.typeName(this.field(node, 'type'));
    const loc = this.stackObject(t, node, this.text(node));
    this.initialize(loc, this.field(node, 'value'), true, true);
    return loc;
  }

  /** A new stack object of type `t` in the innermost open block. */
  stackObject(t: CType, node: SyntaxNode, what: string, size?: Expr): Loc {
    this.needMemory(node);
    this.programErrors();
    let bytes = size;
    if (bytes === undefined) {
      const l = layoutOf(t, this.prog.model);
      if (l === null) return this.unsupported(node, `an object of incomplete type ${typeText(t)}`);
      bytes = constant(this.mem.ptrT, BigInt(l.size));
    }
    const p = this.mem.allocate(ObjState.stack, bytes, this.span(node), what, typeText(t));
    this.noteCells(p, t);
    const scopes = this.frame.objects;
    if (scopes.length === 0) scopes.push([]);
    scopes[scopes.length - 1].push(p);
    return { addr: variable(p, this.mem.ptrT), type: t, what };
  }

  /**
   * Records that IR variable `v` (of C type `t`) addresses integer elements:
   * an array of integers (its `$obj`) or a pointer to an integer. Its
   * elements become invariant vocabulary (`a[K]`, memory.ts).
   */
  noteCells(v: string, t: CType): void {
    const elem = t.kind === 'array' ? t.of : t.kind === 'ptr' ? t.to : null;
    if (elem?.kind !== 'int' || elem.width === 1) return;
    const l = layoutOf(elem, this.prog.model);
    if (l !== null) this.mem.cellTypes.set(v, { bytes: l.size, signed: elem.signed });
  }

  /** Emits the death of the stack objects of blocks deeper than `depth` (a jump out of them). */
  killObjects(depth: number, span: SourceSpan | undefined): void {
    const scopes = this.frame.objects;
    for (let i = scopes.length - 1; i >= depth; i--)
      for (const p of scopes[i]) {
        // The entry's own return ends the run: nothing can see an address reused after it.
        if (depth > 0 || this.callStack.length > 1) this.objectsDie = true;
        this.mem.setState(variable(p, this.mem.ptrT), ObjState.deadStack, span);
      }
  }

  /** An aggregate value: the place holding it. */
  aggregate(node: SyntaxNode): Loc {
    if (node.type === 'parenthesized_expression') return this.aggregate(this.only(node));
    if (node.type === 'call_expression' || node.type === 'assignment_expression') {
      const v = this.exprVoid(node, true);
      const loc = this.lastAggregate;
      if (v === null && loc !== null) {
        this.lastAggregate = null;
        return loc;
      }
      return this.fail(node, `${this.text(node)} is not a struct or union value`, 'type-error');
    }
    return this.location(node);
  }

  /** The integer literals lowered so far (IrFunction `literals`). */
  readonly literals = new Set<bigint>();

  /** Where the last struct-valued call or assignment left its value. */
  lastAggregate: Loc | null = null;

  /** arc's C library models (src/frontends/c/models/), inlined for calls to functions the file does not define. */
  models: ProgramInfo | null = null;

  /** An `alloca` block: a stack object of the current function call (it dies when the call returns). */
  frameObject(size: Expr, node: SyntaxNode): Expr {
    const p = this.mem.allocate(
      ObjState.stack,
      cast(size, this.mem.ptrT),
      this.span(node),
      'alloca(...)',
      'void *',
    );
    const scopes = this.frame.objects;
    if (scopes.length === 0) scopes.push([]);
    scopes[0].push(p);
    return variable(p, this.mem.ptrT);
  }

  /**
   * Emits the leak checks at the end of the program (the entry `main`
   * returns, or `exit` is called): `valid-memcleanup`, every heap block is
   * freed; `valid-memtrack`, no block is unreachable. With every local gone,
   * a block is reachable only from a global: without pointers in globals the
   * two checks coincide; with them, a memtrack violation is not trusted (an
   * approximation: blocks reachable from a global are not told apart yet).
   * At `exit` (`atExit`) the locals of every active call are still alive and
   * may point to blocks, so memtrack is not trusted there either.
   */
  leakChecks(node: SyntaxNode, atExit = false): void {
    if (!this.settings.globalsInitialised) return;
    // Memory may be used only by code lowered later: the checks are filled in at the end.
    const from = this.b.here();
    const to = this.b.newNode();
    this.pendingLeaks.push({ from, to, node, frame: this.frame, atExit });
    this.b.cur = to;
  }

  /** Sites of the leak checks, emitted by `emitLeakChecks` once the whole function is lowered. */
  readonly pendingLeaks: {
    from: number;
    to: number;
    node: SyntaxNode;
    frame: Frame;
    atExit: boolean;
  }[] = [];

  emitLeakChecks(): void {
    for (const p of this.pendingLeaks) {
      const saved = { cur: this.b.cur, frame: this.frame };
      this.b.cur = p.from;
      this.frame = p.frame;
      if (this.mem.used) this.emitLeakCheck(p.node, p.atExit);
      this.b.jump(p.to);
      this.b.cur = saved.cur;
      this.frame = saved.frame;
    }
  }

  private emitLeakCheck(node: SyntaxNode, atExit: boolean): void {
    const m = this.mem;
    const none = compare('eq', m.heapVar(), constant(m.ptrT, 0n));
    const span = this.span(node);
    const pos = node.startIndex;
    const track = (): void =>
      this.check(
        'valid-memtrack',
        node,
        pos,
        0,
        none,
        'no heap block is unreachable when the program ends',
      );
    const clean = (): void =>
      this.check(
        'valid-memcleanup',
        node,
        pos,
        0,
        none,
        'every heap block is freed when the program ends',
      );
    // The two checks have one condition: the first one on the path is the one a run violates.
    // Globals the code uses (declared-only ones, such as glibc's `stdin`, hold
    // nothing of ours); all of them once an initialiser could take an address.
    const used = [
      ...[...this.globals.values()].map((g) => g.info),
      ...[...this.memGlobals.values()].map((g) => g.info),
    ];
    const pool = used.some((g) => g.init !== null) ? [...this.prog.globals.values()] : used;
    const fromGlobals = pool.some((g) => holdsPointer(g.type));
    if (fromGlobals || atExit) {
      // A block may still be reachable: memtrack is not trusted, so cleanup first.
      clean();
      track();
      if (!this.b.approximations.some((a) => a.kind === 'memory'))
        this.b.approximations.push({
          kind: 'memory',
          name: fromGlobals
            ? 'heap blocks reachable from global pointers'
            : 'heap blocks reachable from the locals alive at exit',
          span,
          kinds: ['valid-memtrack'],
        });
    } else {
      track();
      clean();
    }
  }

  /**
   * Emits the `valid-deref` checks of an access of `bytes` bytes at `p`: not
   * NULL, a live (and for a write, writable) object, within its bounds.
   */
  checkAccess(
    p: Expr,
    bytes: number,
    node: SyntaxNode,
    write: boolean,
    what: string,
    bound?: Loc['bound'],
  ): void {
    const m = this.mem;
    const obj = m.objOf(p);
    const pos = node.startIndex;
    const access = `${write ? 'write to' : 'read of'} ${what}`;
    if (bound !== undefined) {
      const t = bound.index.e.type;
      const idx = bound.index;
      const inside =
        t.kind === 'bv'
          ? binary(
              'and',
              idx.t.signed ? compare('ge', idx.e, constant(t, 0n)) : constant(boolType, 1n),
              compare(
                'lt',
                cast(idx.e, bvType(t.width + 1, idx.t.signed)),
                constant(bvType(t.width + 1, idx.t.signed), BigInt(bound.length)),
              ),
            )
          : constant(boolType, 1n);
      this.check(
        'valid-deref',
        node,
        pos,
        write ? 6 : 7,
        inside,
        `${access}: the index is within ${bound.array} (${bound.length} elements, 0 to ${bound.length - 1})`,
      );
    }
    this.check(
      'valid-deref',
      node,
      pos,
      write ? 3 : 0,
      compare('ne', obj, constant(m.objT, 0n)),
      `${access}: the pointer is not NULL`,
    );
    const live = m.isState(obj, ObjState.global, ObjState.stack, ObjState.heap, ObjState.readOnly);
    this.check(
      'valid-deref',
      node,
      pos,
      write ? 4 : 1,
      this.staticLive(p, false) ?? live,
      `${access}: the object is live (not freed, not out of scope)`,
    );
    // A write into a string literal or a const object: unchecked, there is no meaning to run past with.
    if (write)
      this.check(
        'valid-deref',
        node,
        pos,
        8,
        this.staticLive(p, true) ?? not(m.isState(obj, ObjState.readOnly)),
        `${access}: the object is writable (not a string literal or const object)`,
        true,
      );
    this.check(
      'valid-deref',
      node,
      pos,
      write ? 5 : 2,
      this.staticBounds(p, bytes) ?? m.inBounds(p, bytes),
      `${access}: the ${bytes} byte(s) accessed are within the object`,
    );
  }

  /** For a constant pointer into a static object: whether the access is live, as a constant. */
  private staticLive(p: Expr, write: boolean): Expr | null {
    const o = this.staticOf(p);
    if (o === null) return null;
    const ok = o.state === ObjState.global || (!write && o.state === ObjState.readOnly);
    return constant(boolType, ok ? 1n : 0n);
  }

  private staticBounds(p: Expr, bytes: number): Expr | null {
    const o = this.staticOf(p);
    if (o === null || !isConst(p)) return null;
    const off = Number(p.value & ((1n << BigInt(this.mem.offBits)) - 1n));
    return constant(boolType, off + bytes <= o.size ? 1n : 0n);
  }

  private staticOf(p: Expr): { state: bigint; size: number } | null {
    if (!isConst(p)) return null;
    const id = Number(p.value >> BigInt(this.mem.offBits));
    return this.mem.statics.find((s) => s.id === id) ?? null;
  }

  /** The value stored at a place: a scalar is loaded, an array decays, a function is its address. */
  read(loc: Loc, node: SyntaxNode): Val {
    const t = loc.type;
    if (t.kind === 'array') return { e: loc.addr, t: ptrTo(t.of) };
    if (t.kind === 'func') return { e: loc.addr, t: ptrTo(t) };
    if (t.kind === 'struct')
      return this.fail(node, `${loc.what} is a ${typeText(t)}, not a scalar`, 'type-error');
    if (loc.bits !== undefined) return this.readBits(loc, loc.bits, node);
    const st = this.scalarType(t, node);
    const n = this.bytesOf(st);
    this.checkAccess(loc.addr, n, node, false, loc.what, loc.bound);
    // A pointer keeps only its low bits (see memory.ts): read just those bytes.
    const used = st.kind === 'ptr' ? Math.ceil(this.mem.ptrT.width / 8) : n;
    const raw = this.mem.loadBytes(loc.addr, used);
    if (st.kind === 'int' && isBool(st))
      return { e: compare('ne', raw, constant(raw.type, 0n)), t: st };
    return { e: cast(raw, this.irT(st)), t: st };
  }

  /** Emits a store of `v` (already of `loc`'s scalar type) to a place. */
  write(loc: Loc, e: Expr, node: SyntaxNode): void {
    if (loc.bits !== undefined) {
      this.checkAccess(loc.addr, bitFieldBytes(loc.bits), node, true, loc.what, loc.bound);
      return this.storeBits(loc, loc.bits, e, node, this.span(node));
    }
    const st = this.scalarType(loc.type, node);
    const n = this.bytesOf(st);
    this.checkAccess(loc.addr, n, node, true, loc.what, loc.bound);
    const bits = e.type.kind === 'bool' ? cast(e, this.mem.byteT) : e;
    this.b.emit(
      {
        kind: 'assign',
        target: this.mem.vars.mem,
        value: this.mem.storeBytes(this.mem.memVar(), loc.addr, n, bits),
      },
      this.span(node),
    );
  }

  // ---- bit-fields ----------------------------------------------------------------

  /**
   * The type a bit-field's value has in an expression: `int` when every value
   * fits (narrower than int, C11 6.3.1.1p2, gcc for every declared type),
   * `unsigned int` for an unsigned one as wide as int, else its declared type.
   */
  private bitFieldValueType(t: CInt, b: BitField): CInt {
    const w = this.T.int.width;
    if (b.width < w) return this.T.int;
    if (b.width === w && t.width === w) return t.signed ? this.T.int : this.T.uint;
    return t;
  }

  /**
   * The value a bit-field holds once its bits are `field` (an unsigned
   * bit-vector of its width): sign-extended for a signed declared type (plain
   * `int` bit-fields are signed in gcc), zero-extended otherwise.
   */
  private bitFieldValue(t: CInt, b: BitField, field: Expr): IntVal {
    const vt = this.bitFieldValueType(t, b);
    const e = t.signed
      ? cast(cast(field, bvType(b.width, true)), this.irT(vt))
      : cast(field, this.irT(vt));
    return { e, t: vt };
  }

  /** The bits `e` (a value of the declared type, or of the promoted one) leaves in a bit-field. */
  private bitFieldBits(t: CInt, b: BitField, e: Expr): Expr {
    // Converted to the declared type first: a `_Bool` field stores e != 0; others keep the low bits.
    const v = isBool(t) && e.type.kind !== 'bool' ? compare('ne', e, constant(e.type, 0n)) : e;
    return cast(v, bvType(b.width, false));
  }

  /**
   * The value of an assignment that stored `e` (of type `t`) to `loc`: `e`
   * itself, or for a bit-field the value the field now holds.
   */
  storedValue(loc: Loc, e: Expr, t: CScalar, node: SyntaxNode): Val {
    const b = loc.bits;
    if (b === undefined) return { e, t };
    const declared = this.intType(loc.type, node);
    return this.bitFieldValue(declared, b, this.bitFieldBits(declared, b, e));
  }

  /** Reads a bit-field: the bytes its bits cover, shifted, masked and extended. */
  private readBits(loc: Loc, b: BitField, node: SyntaxNode): IntVal {
    const t = this.intType(loc.type, node);
    const n = bitFieldBytes(b);
    this.checkAccess(loc.addr, n, node, false, loc.what, loc.bound);
    const raw = this.mem.loadBytes(loc.addr, n);
    const shifted = b.bit === 0 ? raw : binary('shr', raw, constant(raw.type, BigInt(b.bit)));
    return this.bitFieldValue(t, b, cast(shifted, bvType(b.width, false)));
  }

  /** Emits a bit-field store (no checks): a read-modify-write of the bytes its bits cover. */
  storeBits(loc: Loc, b: BitField, e: Expr, node: SyntaxNode, span: SourceSpan | undefined): void {
    const t = this.intType(loc.type, node);
    const n = bitFieldBytes(b);
    const wt = bvType(8 * n, false);
    const raw = this.mem.loadBytes(loc.addr, n);
    const mask = ((1n << BigInt(b.width)) - 1n) << BigInt(b.bit);
    const keep = binary('bitand', raw, constant(wt, BigInt.asUintN(8 * n, ~mask)));
    const bits = cast(this.bitFieldBits(t, b, e), wt);
    const placed = b.bit === 0 ? bits : binary('shl', bits, constant(wt, BigInt(b.bit)));
    this.b.emit(
      {
        kind: 'assign',
        target: this.mem.vars.mem,
        value: this.mem.storeBytes(this.mem.memVar(), loc.addr, n, binary('bitor', keep, placed)),
      },
      span,
    );
  }

  /** Emits a copy of `bytes` bytes (a struct assignment), with the access checks. */
  copy(dst: Loc, src: Loc, bytes: number, node: SyntaxNode): void {
    if (bytes > MAX_UNROLLED_BYTES)
      return this.unsupported(node, `copying an object of ${bytes} bytes`);
    this.checkAccess(src.addr, bytes, node, false, src.what);
    this.checkAccess(dst.addr, bytes, node, true, dst.what);
    let mem = this.mem.memVar();
    for (let k = 0; k < bytes; k++) {
      const byte: Expr = {
        kind: 'select',
        type: this.mem.byteT,
        array: this.mem.memVar(),
        index: this.mem.add(src.addr, BigInt(k)),
      };
      mem = {
        kind: 'store',
        type: this.mem.memT,
        array: mem,
        index: this.mem.add(dst.addr, BigInt(k)),
        value: byte,
      };
    }
    this.b.emit({ kind: 'assign', target: this.mem.vars.mem, value: mem }, this.span(node));
  }

  /** Emits a store without checks (initialising an object the code just allocated). */
  writeRaw(addr: Expr, t: CScalar, e: Expr, span: SourceSpan | undefined): void {
    const n = this.bytesOf(t);
    const bits = e.type.kind === 'bool' ? cast(e, this.mem.byteT) : e;
    this.b.emit(
      {
        kind: 'assign',
        target: this.mem.vars.mem,
        value: this.mem.storeBytes(this.mem.memVar(), addr, n, bits),
      },
      span,
    );
  }

  /** Emits zero bytes over `[addr, addr + n)` (no checks). */
  zero(addr: Expr, n: number, node: SyntaxNode): void {
    if (n > MAX_UNROLLED_BYTES)
      return this.unsupported(node, `initialising an object of ${n} bytes`);
    let mem = this.mem.memVar();
    for (let k = 0; k < n; k++)
      mem = {
        kind: 'store',
        type: this.mem.memT,
        array: mem,
        index: this.mem.add(addr, BigInt(k)),
        value: constant(this.mem.byteT, 0n),
      };
    if (n > 0)
      this.b.emit({ kind: 'assign', target: this.mem.vars.mem, value: mem }, this.span(node));
  }

  /**
   * Emits the initialisation of a fresh object from an initialiser (C11
   * 6.7.9): a list (designators included; members without an initialiser are
   * zero), a string literal for a char array, a struct value, or a scalar.
   * `whole`: the object is the declared one (zero it first for a list).
   * `automatic`: it has automatic storage, so the bytes of a union that its
   * initialised member does not cover stay unspecified (C11 6.2.6.1p7)
   * rather than zero as in a static union.
   */
  initialize(loc: Loc, init: SyntaxNode, whole: boolean, automatic = false): void {
    const t = loc.type;
    const span = this.span(init);
    if (init.type === 'initializer_list') {
      const l = layoutOf(t, this.prog.model);
      if (l === null) return this.unsupported(init, `an initialiser for ${typeText(t)}`);
      if (whole) {
        const member =
          automatic && t.kind === 'struct' && t.union ? this.unionMember(t, init) : null;
        const covered =
          member === null ? l.size : (layoutOf(member, this.prog.model)?.size ?? l.size);
        this.zero(loc.addr, covered, init);
      }
      if (isScalarC(t)) {
        const first = init.namedChildren.find((c) => c.type !== 'comment');
        if (first) this.initialize(loc, first, false);
        return;
      }
      this.initList(loc, init);
      return;
    }
    const isString = init.type === 'string_literal' || init.type === 'concatenated_string';
    if (isString && t.kind === 'array' && t.of.kind === 'array') {
      // `char s[1][5] = {"1234"}`: the string initialises the first element (brace elision).
      const first = this.element(loc, 0, init);
      if (first === null) return this.fail(init, 'a string for an empty array', 'type-error');
      return this.initialize(first, init, whole);
    }
    if (isString && t.kind === 'array') {
      const bytes = stringBytes(init);
      if (bytes === null) return this.unsupported(init, `the string literal ${this.text(init)}`);
      const n = t.length ?? bytes.length + 1;
      if (whole) this.zero(loc.addr, n, init);
      let mem = this.mem.memVar();
      bytes.slice(0, n).forEach((b, k) => {
        mem = {
          kind: 'store',
          type: this.mem.memT,
          array: mem,
          index: this.mem.add(loc.addr, BigInt(k)),
          value: constant(this.mem.byteT, BigInt(b)),
        };
      });
      this.b.emit({ kind: 'assign', target: this.mem.vars.mem, value: mem }, span);
      return;
    }
    if (t.kind === 'struct') {
      const src = this.aggregate(init);
      const l = layoutOf(t, this.prog.model);
      if (l === null) return this.unsupported(init, `an initialiser for ${typeText(t)}`);
      return this.copy(loc, src, l.size, init);
    }
    if (t.kind === 'array')
      return this.unsupported(init, `this initialiser for the array ${loc.what}`);
    const st = this.scalarType(t, init);
    const v = this.conv(this.value(init), st);
    if (loc.bits !== undefined) return this.storeBits(loc, loc.bits, v, init, span);
    this.writeRaw(loc.addr, st, v, span);
  }

  /** The type of the union member an initialiser list initialises (the designated one, or the first). */
  private unionMember(t: CType, init: SyntaxNode): CType | null {
    if (t.kind !== 'struct') return null;
    const first = init.namedChildren.find((c) => c.type !== 'comment');
    if (first === undefined) return t.fields?.[0]?.type ?? null;
    const d =
      first.type === 'initializer_pair'
        ? first.namedChildren.find((c) => c.type === 'field_designator')
        : undefined;
    const name = d?.namedChildren[0]?.text;
    const f = name === undefined ? t.fields?.[0] : t.fields?.find((x) => x.name === name);
    return f?.type ?? null;
  }

  private initList(loc: Loc, init: SyntaxNode): void {
    const items = init.namedChildren.filter((c) => c.type !== 'comment');
    this.fill(loc, items, 0, true);
  }

  /**
   * Initialises the elements or members of `loc` from `items[at]` on; returns
   * the index of the first item not used. `braced`: the items are `loc`'s own
   * list; otherwise its braces were elided (C11 6.7.9p20) and it takes only
   * what it has room for, up to a designator, which belongs to the enclosing
   * braces.
   */
  private fill(loc: Loc, items: readonly SyntaxNode[], at: number, braced: boolean): number {
    const t = loc.type;
    let cursor = 0;
    let i = at;
    while (i < items.length) {
      const item = items[i];
      let valueNode = item;
      let part: Loc | null;
      if (item.type === 'initializer_pair') {
        if (!braced) return i;
        const designators = item.namedChildren.filter(
          (c) => c.type === 'subscript_designator' || c.type === 'field_designator',
        );
        if (designators.length === 0) return this.unsupported(item, 'this designator');
        valueNode = this.field(item, 'value');
        cursor = this.designatorIndex(loc, designators[0]);
        part = this.element(loc, cursor, item);
        // `.a.b = v`, `[1].x = v`: the rest navigate inside the first.
        for (const d of designators.slice(1)) {
          if (part === null) break;
          part = this.element(part, this.designatorIndex(part, d), d);
        }
      } else part = this.element(loc, cursor, item);
      if (part === null) {
        if (!braced) return i;
        return this.fail(item, 'excess elements in an initialiser', 'type-error');
      }
      const v = valueNode.type;
      const isString = v === 'string_literal' || v === 'concatenated_string';
      const elided =
        v !== 'initializer_list' &&
        !isScalarC(part.type) &&
        !(part.type.kind === 'struct' && this.isStructValued(valueNode)) &&
        !(part.type.kind === 'array' && isString);
      if (elided && valueNode === item) {
        const next = this.fill(part, items, i, false);
        if (next === i) return this.unsupported(item, 'an initialiser with elided braces here');
        i = next;
      } else if (elided) {
        return this.unsupported(item, 'a designated initialiser with elided braces');
      } else {
        this.initialize(part, valueNode, false);
        i++;
      }
      cursor++;
      if (t.kind === 'struct' && t.union) break;
    }
    return i;
  }

  /** The element or member index a designator (`[k]` or `.name`) selects in `loc`'s type. */
  private designatorIndex(loc: Loc, d: SyntaxNode): number {
    const t = loc.type;
    if (d.type === 'subscript_designator') {
      const k = this.prog.constValue(d.namedChildren[0] ?? d);
      if (k === null) return this.unsupported(d, 'a non-constant array designator');
      return Number(k);
    }
    if (t.kind !== 'struct')
      return this.fail(d, 'a field designator for a non-struct', 'type-error');
    const name = d.namedChildren[0]?.text ?? '';
    const i = (t.fields ?? []).findIndex((f) => f.name === name);
    if (i < 0) return this.fail(d, `${typeText(t)} has no member ${name}`, 'type-error');
    return i;
  }

  private isStructValued(node: SyntaxNode): boolean {
    return this.typeOfExpr(node).kind === 'struct';
  }

  /** The `i`-th element of an array, or member of a struct, at `loc`; null past the end. */
  private element(loc: Loc, i: number, node: SyntaxNode): Loc | null {
    const t = loc.type;
    if (t.kind === 'array') {
      if (t.length !== null && i >= t.length) return null;
      const size = this.elemSize(t.of, node);
      return {
        addr: this.mem.add(loc.addr, BigInt(i * size)),
        type: t.of,
        what: `${loc.what}[${i}]`,
      };
    }
    if (t.kind === 'struct') {
      const f = t.fields?.[i];
      if (f === undefined) return null;
      if (f.type.kind === 'unsupported') return this.unsupported(node, f.type.what);
      return {
        addr: this.mem.add(loc.addr, BigInt(f.offset)),
        type: f.type,
        what: `${loc.what}.${f.name ?? ''}`,
        ...(f.bits ? { bits: f.bits } : {}),
      };
    }
    return null;
  }

  bytesOf(t: CScalar): number {
    return t.kind === 'ptr' ? this.mem.ptrBytes : isBool(t) ? 1 : t.width / 8;
  }

  /** Size in bytes of a complete type (for pointer arithmetic: `void` and functions count 1, as gcc). */
  elemSize(t: CType, node: SyntaxNode): number {
    if (t.kind === 'void' || t.kind === 'func') return 1;
    const l = layoutOf(t, this.prog.model);
    if (l === null)
      return this.unsupported(
        node,
        `pointer arithmetic on ${typeText(t)} (incomplete or variable-length)`,
      );
    return l.size;
  }

  /**
   * `p + i` (elements): the pointer, after a `valid-pointer-arith` check that
   * the result stays within p's object or one past its end (`check` false: the
   * subscript's access check covers it).
   */
  ptrAdd(p: Val & { t: CPtr }, i: IntVal, node: SyntaxNode, check: boolean, negate = false): Expr {
    const m = this.mem;
    const size = BigInt(this.elemSize(p.t.to, node));
    const idx = cast(i.e, bvType(m.ptrT.width, i.t.signed));
    let delta = binary('mul', cast(idx, m.ptrT), constant(m.ptrT, size));
    if (negate) delta = unary('neg', delta);
    if (check) {
      const W = 2 * m.ptrT.width + 4;
      const wide = bvType(W, true);
      const off = cast(m.offOf(p.e), wide);
      let d = binary(
        'mul',
        cast(cast(i.e, bvType(i.t.width, i.t.signed)), wide),
        constant(wide, size),
      );
      if (negate) d = unary('neg', d);
      const next = binary('add', off, d);
      const objSize = cast(m.sizeOfObj(m.objOf(p.e)), wide);
      const ok = binary(
        'and',
        compare('ge', next, constant(wide, 0n)),
        compare('le', next, objSize),
      );
      this.check(
        'valid-pointer-arith',
        node,
        node.startIndex,
        0,
        ok,
        `${this.text(node)} stays within its object or one past its end`,
      );
    }
    return binary('add', p.e, delta);
  }

  // ---- operators -------------------------------------------------------------

  private binaryExpr(node: SyntaxNode): Val {
    const { op, pos } = this.opText(node);
    if (op === '&&' || op === '||') return this.logical(node, op);
    const a = this.value(this.field(node, 'left'));
    const b = this.value(this.field(node, 'right'));
    if (a.t.kind === 'ptr' || b.t.kind === 'ptr') return this.pointerBinary(op, a, b, node, pos);
    if (op in IR_COMPARE) {
      const t = usualArithmetic(a.t, b.t, this.T);
      const cmp = IR_COMPARE[op as keyof typeof IR_COMPARE];
      return this.boolVal(compare(cmp, this.conv(a, t), this.conv(b, t)));
    }
    return this.arith(op as ArithOp, a as IntVal, b as IntVal, node, pos);
  }

  /** A binary operator with a pointer operand: `p ± i`, `i + p`, `p - q`, comparisons. */
  private pointerBinary(op: string, a: Val, b: Val, node: SyntaxNode, pos: number): Val {
    const m = this.mem;
    if (op in IR_COMPARE) {
      const cmp = IR_COMPARE[op as keyof typeof IR_COMPARE];
      const ea = a.t.kind === 'ptr' ? a.e : cast(a.e, m.ptrT);
      const eb = b.t.kind === 'ptr' ? b.e : cast(b.e, m.ptrT);
      if (cmp !== 'eq' && cmp !== 'ne' && a.t.kind === 'ptr' && b.t.kind === 'ptr')
        this.check(
          'valid-pointer-compare',
          node,
          pos,
          0,
          compare('eq', m.objOf(ea), m.objOf(eb)),
          `${this.text(node)}: both pointers point into the same object`,
        );
      return this.boolVal(compare(cmp, ea, eb));
    }
    if (op === '+' && a.t.kind === 'ptr' && b.t.kind === 'int')
      return { e: this.ptrAdd(a as Val & { t: CPtr }, b as IntVal, node, true), t: a.t };
    if (op === '+' && b.t.kind === 'ptr' && a.t.kind === 'int')
      return { e: this.ptrAdd(b as Val & { t: CPtr }, a as IntVal, node, true), t: b.t };
    if (op === '-' && a.t.kind === 'ptr' && b.t.kind === 'int')
      return { e: this.ptrAdd(a as Val & { t: CPtr }, b as IntVal, node, true, true), t: a.t };
    if (op === '-' && a.t.kind === 'ptr' && b.t.kind === 'ptr') {
      this.check(
        'valid-pointer-compare',
        node,
        pos,
        1,
        compare('eq', m.objOf(a.e), m.objOf(b.e)),
        `${this.text(node)}: both pointers point into the same object`,
      );
      const d = this.diffT;
      const bytes = binary('sub', cast(m.offOf(a.e), this.irT(d)), cast(m.offOf(b.e), this.irT(d)));
      const size = this.elemSize(a.t.to, node);
      return {
        e: size === 1 ? bytes : binary('div', bytes, constant(this.irT(d), BigInt(size))),
        t: d,
      };
    }
    return this.fail(node, `the operator ${op} on a pointer`, 'type-error');
  }

  /** `a op b` for an arithmetic operator, with its undefined-behaviour checks. */
  arith(op: ArithOp, a: IntVal, b: IntVal, node: SyntaxNode, pos: number): IntVal {
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

  private shift(op: '<<' | '>>', a: IntVal, b: IntVal, node: SyntaxNode, pos: number): IntVal {
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
    const v = this.value(this.field(node, 'argument'));
    if (op === '!') return this.boolVal(not(this.cond(v)));
    const a = this.int(v, node);
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

  /** Reads an lvalue's current value (into a temporary when it is in memory). */
  private current(
    target: ReturnType<Lowerer['lvalue']>,
    node: SyntaxNode,
  ): { val: Val; store: (e: Expr) => void } {
    const span = this.span(node);
    if (target.kind === 'var') {
      const name = target.name;
      return {
        val: { e: variable(name, this.irT(target.type)), t: target.type },
        store: (e) => this.b.emit({ kind: 'assign', target: name, value: e }, span),
      };
    }
    const loc = target.loc;
    // The address is evaluated once: keep it in a temporary if it is not a variable.
    const addr =
      isConst(loc.addr) || loc.addr.kind === 'var' ? loc.addr : this.keep(loc.addr, 'address');
    const at: Loc = { ...loc, addr };
    const v = this.read(at, node);
    const tmp = this.tempOf(v.e.type, typeText(v.t), `${loc.what}`);
    this.b.emit({ kind: 'assign', target: tmp, value: v.e }, span);
    return { val: { e: variable(tmp, v.e.type), t: v.t }, store: (e) => this.write(at, e, node) };
  }

  /** Keeps a pointer value in a fresh temporary. */
  keep(e: Expr, what: string): Expr {
    const tmp = this.tempOf(e.type, 'pointer', what);
    this.b.emit({ kind: 'assign', target: tmp, value: e });
    return variable(tmp, e.type);
  }

  private update(node: SyntaxNode, used: boolean): Val {
    const { op, pos } = this.opText(node);
    const arg = this.field(node, 'argument');
    const target = this.lvalue(arg);
    const { val: old, store } = this.current(target, arg);
    const prefix = pos < arg.startIndex;
    let result: Val = old;
    if (!prefix && used && target.kind === 'var') {
      const tmp = this.tempOf(old.e.type, typeText(old.t), `${this.text(arg)} before ${op}`);
      this.b.emit({ kind: 'assign', target: tmp, value: old.e }, this.span(node));
      result = { e: variable(tmp, old.e.type), t: old.t };
    }
    let next: Val;
    if (old.t.kind === 'ptr')
      next = {
        e: this.ptrAdd(old as Val & { t: CPtr }, this.intConst(1n), node, true, op === '--'),
        t: old.t,
      };
    else next = this.arith(op === '++' ? '+' : '-', old as IntVal, this.intConst(1n), node, pos);
    const stored = this.stable(this.conv(next, old.t), target.kind === 'loc');
    store(stored);
    if (!prefix) return result;
    // A variable now holds the new value; a place's new value was kept in `stored`.
    return target.kind === 'var' ? old : this.storedValue(target.loc, stored, old.t, arg);
  }

  /** `e`, kept in a temporary first when a later write to memory could change what it reads. */
  private stable(e: Expr, memoryWrite: boolean): Expr {
    if (!memoryWrite || isConst(e) || e.kind === 'var') return e;
    const tmp = this.tempOf(e.type, 'value', 'value');
    this.b.emit({ kind: 'assign', target: tmp, value: e });
    return variable(tmp, e.type);
  }

  private assignment(node: SyntaxNode): Val | null {
    const { op, pos } = this.opText(node);
    const left = this.field(node, 'left');
    const target = this.lvalue(left);
    const rightNode = this.field(node, 'right');
    if (target.kind === 'loc' && target.loc.type.kind === 'struct') {
      if (op !== '=') return this.fail(node, `${op} on a struct`, 'type-error');
      const src = this.aggregate(rightNode);
      const l = layoutOf(target.loc.type, this.prog.model);
      if (l === null) return this.fail(node, 'assignment of an incomplete struct', 'type-error');
      const dst = { ...target.loc, addr: this.keepIfComplex(target.loc.addr) };
      this.copy(dst, src, l.size, node);
      this.lastAggregate = dst;
      return null;
    }
    if (target.kind === 'loc' && target.loc.type.kind === 'array')
      return this.fail(node, `assignment to the array ${target.loc.what}`, 'type-error');
    const right = this.value(rightNode);
    if (op === '=') {
      const t = target.kind === 'var' ? target.type : this.scalarType(target.loc.type, left);
      if (target.kind === 'var') {
        this.b.emit(
          { kind: 'assign', target: target.name, value: this.conv(right, t) },
          this.span(node),
        );
        return { e: variable(target.name, this.irT(t)), t };
      }
      const e = this.stable(this.conv(right, t), true);
      this.write(target.loc, e, node);
      return this.storedValue(target.loc, e, t, left);
    }
    const { val: old, store } = this.current(target, left);
    let value: Val;
    const base = op.slice(0, -1);
    if (old.t.kind === 'ptr' && (base === '+' || base === '-'))
      value = {
        e: this.ptrAdd(
          old as Val & { t: CPtr },
          this.int(right, rightNode),
          node,
          true,
          base === '-',
        ),
        t: old.t,
      };
    else
      value = this.arith(
        base as ArithOp,
        this.int(old, left),
        this.int(right, rightNode),
        node,
        pos,
      );
    const stored = this.stable(this.conv(value, old.t), target.kind === 'loc');
    store(stored);
    return target.kind === 'var' ? old : this.storedValue(target.loc, stored, old.t, left);
  }

  private keepIfComplex(e: Expr): Expr {
    return isConst(e) || e.kind === 'var' ? e : this.keep(e, 'address');
  }

  temp(t: CScalar, source: string): string {
    return this.tempOf(this.irT(t), typeText(t), source);
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
    const ca = this.cond(this.value(this.field(node, 'left')));
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
    const c = this.cond(this.value(this.field(node, 'condition')));
    const th = this.speculate(this.field(node, 'consequence'), used);
    const el = this.speculate(this.field(node, 'alternative'), used);
    if (th.v === null || el.v === null) return this.conditionalVoid(c, th, el, node);
    const t: CScalar =
      th.v.t.kind === 'ptr'
        ? th.v.t
        : el.v.t.kind === 'ptr'
          ? el.v.t
          : usualArithmetic(th.v.t, el.v.t, this.T);
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
    const target = this.scalarType(t, node);
    const v = this.exprVoid(value, used);
    if (v === null) return this.fail(node, 'a void value is cast', 'type-error');
    if (v.t.kind === 'ptr' && target.kind === 'int' && target.rank > 0) this.addressTaken(node);
    return { e: this.conv(v, target), t: target };
  }

  /** The first pointer converted to an integer (see `addressReuse`). */
  addressAsInteger: SyntaxNode | null = null;
  /** Whether some object can die (free, realloc, a block's end). */
  objectsDie = false;

  private addressTaken(node: SyntaxNode): void {
    this.addressAsInteger ??= node;
  }

  /**
   * After lowering: a program that sees addresses as integers and lets
   * objects die may compare a new object's address with a dead one's; arc
   * never reuses an address, where a real allocator may (two blocks can have
   * one address). A yes is not trusted then.
   */
  addressReuse(): void {
    const node = this.addressAsInteger;
    if (node === null || !this.objectsDie) return;
    this.b.approximations.push({
      kind: 'memory',
      name: `the address ${this.text(node)} is used as an integer, and arc never gives a dead object's address to a new one`,
      span: this.span(node),
      kinds: [],
      hidesViolations: true,
    });
  }

  /** `offsetof(T, member)`: the member's byte offset, a constant of type size_t. */
  private offsetOf(node: SyntaxNode): Val {
    const t = this.typeName(this.field(node, 'type'));
    const member = this.field(node, 'member').text;
    if (t.kind !== 'struct' || t.fields === null)
      return this.fail(
        node,
        `offsetof of ${typeText(t)}, not a complete struct or union`,
        'type-error',
      );
    const f = findField(t, member);
    if (f === null) return this.fail(node, `${typeText(t)} has no member ${member}`, 'type-error');
    if (f.bits !== undefined)
      return this.fail(node, `offsetof of the bit-field ${member} (C11 7.19p3)`, 'type-error');
    return this.intConst(BigInt(f.offset), this.sizeT);
  }

  private sizeofExpr(node: SyntaxNode): Val {
    const desc = node.childForFieldName('type');
    const named = desc ? null : this.typedefOperand(this.field(node, 'value'));
    const vla = desc ? null : this.vlaSizeOf(this.field(node, 'value'));
    if (vla !== null) return vla;
    const shape: { type: CType; bits?: BitField } = desc
      ? { type: this.typeName(desc) }
      : named !== null
        ? { type: named }
        : this.shapeOf(this.field(node, 'value'));
    if (shape.bits !== undefined)
      return this.fail(node, `sizeof of a bit-field (C11 6.5.3.4p1)`, 'type-error');
    const t = shape.type;
    if (t.kind === 'unsupported') return this.unsupported(node, t.what);
    const l = layoutOf(t, this.prog.model);
    if (l === null)
      return this.unsupported(node, `sizeof of ${typeText(t)} (incomplete or variable-length)`);
    return this.intConst(BigInt(l.size), this.sizeT);
  }

  /** `sizeof a` for a variable-length array `a`: its object's size, known at run time. */
  private vlaSizeOf(value: SyntaxNode): Val | null {
    while (value.type === 'parenthesized_expression') value = this.only(value);
    if (value.type !== 'identifier') return null;
    const b = this.scope.lookup(value.text);
    if (b?.kind !== 'mem' || b.type.kind !== 'array' || b.type.vla === undefined) return null;
    const size = this.mem.sizeOfObj(this.mem.objOf(b.addr));
    return { e: cast(size, this.irT(this.sizeT)), t: this.sizeT };
  }

  /**
   * `sizeof(T)` where T is a typedef name (or `_Bool`): tree-sitter reads a
   * parenthesised expression there, since it cannot tell type names apart.
   */
  private typedefOperand(value: SyntaxNode): CType | null {
    if (value.type !== 'parenthesized_expression') return null;
    const inner = value.namedChildren.filter((c) => c.type !== 'comment');
    if (inner.length !== 1 || inner[0].type !== 'identifier') return null;
    const name = inner[0].text;
    if (this.scope.lookup(name) !== null || this.prog.globals.has(name)) return null;
    if (name === '_Bool' || this.prog.typedefs.has(name)) return this.prog.namedType(name);
    return null;
  }

  /**
   * The type of an expression, arrays not decayed, without evaluating it: it
   * is lowered at a detached node whose edges nothing reaches.
   */
  typeOfExpr(node: SyntaxNode): CType {
    return this.shapeOf(node).type;
  }

  /** `typeOfExpr`, and where the expression designates a bit-field, its bits. */
  private shapeOf(node: SyntaxNode): { type: CType; bits?: BitField } {
    while (node.type === 'parenthesized_expression') node = this.only(node);
    const saved = this.b.cur;
    const savedAggregate = this.lastAggregate;
    this.b.cur = this.b.newNode();
    try {
      if (node.type === 'identifier') {
        const b = this.scope.lookup(node.text);
        if (b?.kind === 'var' || b?.kind === 'mem') return { type: b.type };
        const g = this.prog.globals.get(node.text);
        if (!b && g) return { type: g.type };
      }
      if (
        [
          'subscript_expression',
          'field_expression',
          'string_literal',
          'concatenated_string',
        ].includes(node.type) ||
        (node.type === 'pointer_expression' && this.opText(node).op === '*')
      )
        return this.location(node);
      this.lastAggregate = null;
      const v = this.exprVoid(node, true);
      if (v !== null) return { type: v.t };
      return { type: (this.lastAggregate as Loc | null)?.type ?? { kind: 'void' } };
    } finally {
      this.b.cur = saved;
      this.lastAggregate = savedAggregate;
    }
  }

  /** Range check helper for callers that need a C type's range as IR constants. */
  rangeOf(t: CInt): { min: bigint; max: bigint } {
    return cRange(t);
  }
}

const EXPR_WHAT: Record<string, string> = {
  gnu_asm_expression: 'inline assembly',
  generic_expression: '_Generic',
  alignof_expression: '_Alignof',
  compound_statement: 'statement expressions',
  initializer_list: 'initializer lists',
};

/** Largest object copied byte by byte in one IR assignment (struct assignment, initialisers). */
export const MAX_UNROLLED_BYTES = 4096;

/** The member `name` of a struct or union, looking through anonymous members (C11). */
export function findField(
  t: CStruct,
  name: string,
): { type: CType; offset: number; bits?: BitField } | null {
  for (const f of t.fields ?? []) {
    if (f.name === name) return f;
    if (f.name === null && f.type.kind === 'struct') {
      const inner = findField(f.type, name);
      if (inner) return { ...inner, offset: f.offset + inner.offset };
    }
  }
  return null;
}

/** The bytes of a string literal (adjacent literals concatenated), without the NUL; null if it has an escape arc does not read or a prefix (L"", u8""). */
export function stringBytes(node: SyntaxNode): number[] | null {
  const parts =
    node.type === 'concatenated_string'
      ? node.namedChildren.filter((c) => c.type === 'string_literal')
      : [node];
  const out: number[] = [];
  for (const p of parts) {
    const text = p.text;
    if (!text.startsWith('"') || !text.endsWith('"')) return null;
    const body = text.slice(1, -1);
    for (let i = 0; i < body.length; i++) {
      const ch = body[i];
      if (ch !== '\\') {
        const code = body.charCodeAt(i);
        if (code > 127) {
          for (const b of Buffer.from(ch, 'utf8')) out.push(b);
          continue;
        }
        out.push(code);
        continue;
      }
      const rest = body.slice(i + 1);
      const oct = /^[0-7]{1,3}/.exec(rest);
      const hex = /^x([0-9a-fA-F]+)/.exec(rest);
      if (oct) {
        out.push(parseInt(oct[0], 8) & 255);
        i += oct[0].length;
      } else if (hex) {
        out.push(parseInt(hex[1], 16) & 255);
        i += hex[0].length;
      } else {
        const e = CHAR_ESCAPES[rest[0] ?? ''];
        if (e === undefined) return null;
        out.push(e);
        i += 1;
      }
    }
  }
  return out;
}

/** Whether a value of type `t` contains a pointer. */
export function holdsPointer(t: CType, seen = new Set<CType>()): boolean {
  if (t.kind === 'ptr') return true;
  if (t.kind === 'array') return holdsPointer(t.of, seen);
  if (t.kind === 'struct') {
    if (seen.has(t)) return false;
    seen.add(t);
    return (t.fields ?? []).some((f) => holdsPointer(f.type, seen));
  }
  return false;
}
