/**
 * Function calls: the verification conventions (assert, reach_error,
 * __VERIFIER_*, abort/exit, output functions), inlining of functions defined
 * in the file, and havocking for functions that are only declared.
 *
 * Guarantees: convention names are recognised even when the file defines them
 * (their bodies are never inlined); recursion is reported, never unrolled; a
 * call to an undefined function havocs its result and every global variable,
 * and is recorded as an `Approximation`.
 */
import { diagnostic } from '../../core/diagnostic.js';
import { boolType, bvType, constant, falseExpr, variable, type Expr } from '../../ir/ir.js';
import {
  isScalarC,
  ptrTo,
  typeText,
  voidT,
  type CInt,
  type CScalar,
  type CType,
} from './ctypes.js';
import { binary, cast, compare, ite, not } from './fold.js';
import type { Frame, Loc, Lowerer, Val } from './lower.js';
import { Scope, stringBytes } from './lower.js';
import { ObjState } from './memory.js';
import type { SyntaxNode } from './parser.js';
import { namesUnderAddressOf, type FunctionInfo } from './program.js';
import { lowerFunctionBody } from './stmt.js';

const ASSERTS = new Set([
  '__arc_assert',
  '__VERIFIER_assert',
  '__CPROVER_assert',
  '__ESBMC_assert',
]);
const ERRORS = new Set(['reach_error', '__VERIFIER_error', '__assert_fail']);
const ASSUMES = new Set([
  '__VERIFIER_assume',
  'assume_abort_if_not',
  '__CPROVER_assume',
  '__ESBMC_assume',
]);
/** Memory built-ins: the allocator, and the model helpers of src/frontends/c/models/. */
const MEMORY = new Set([
  'malloc',
  'calloc',
  'realloc',
  'free',
  'alloca',
  '__builtin_alloca',
  '__arc_same_object',
  '__arc_offset',
  '__arc_r_ok',
  '__arc_w_ok',
]);
const HALTS = new Set(['abort', 'exit', '_Exit', '_exit', 'quick_exit']);
const OUTPUT = new Set([
  'printf',
  'fprintf',
  'puts',
  'putchar',
  'fputs',
  'fputc',
  'putc',
  'fflush',
  'perror',
]);

/** Every name the front-end gives a meaning without looking at its definition. */
export function isConventionName(name: string): boolean {
  return (
    ASSERTS.has(name) ||
    ERRORS.has(name) ||
    ASSUMES.has(name) ||
    HALTS.has(name) ||
    OUTPUT.has(name) ||
    MEMORY.has(name) ||
    name === '__arc_assert_disabled' ||
    name.startsWith('__VERIFIER_nondet_')
  );
}

export function lowerCall(lw: Lowerer, node: SyntaxNode, used: boolean): Val | null {
  const fn = lw.field(node, 'function');
  const args = (node.childForFieldName('arguments')?.namedChildren ?? []).filter(
    (a) => a.type !== 'comment',
  );
  let callee = fn;
  while (callee.type === 'parenthesized_expression') callee = lw.only(callee);
  if (
    callee.type !== 'identifier' ||
    lw.scope.lookup(callee.text) ||
    (!lw.prog.functions.has(callee.text) && lw.prog.globals.has(callee.text))
  )
    return indirectCall(lw, node, callee, args, used);
  const name = callee.text;
  const info = lw.prog.functions.get(name);
  if (ASSERTS.has(name) || (name === 'assert' && !info?.definition))
    return assertion(lw, node, name, args, info);
  if (name === '__arc_assert_disabled') return null;
  if (ERRORS.has(name)) return errorCall(lw, node, name);
  if (ASSUMES.has(name)) return assume(lw, node, args, info);
  if (name.startsWith('__VERIFIER_nondet_')) return nondet(lw, node, name, info);
  if (HALTS.has(name)) return halt(lw, node, name, args);
  if (OUTPUT.has(name)) return output(lw, node, name, args, used);
  if (MEMORY.has(name) && !info?.definition) return memoryCall(lw, node, name, args);
  if (info?.definition) return inline(lw, info, node, args, used);
  const model = lw.models?.functions.get(name);
  if (model?.definition) return inline(lw, model, node, args, used, true);
  if (/^nondet_|^__VERIFIER_nondet/.test(name) && info !== undefined && isScalarC(info.returnType))
    return nondetCall(lw, node, name, info.returnType, args);
  if (/^nondet_/.test(name) && info === undefined) {
    // Undeclared: C89 would make it return int; CBMC and ESBMC type it by its name (nondet_uint).
    const named = nondetType(lw, name.slice('nondet_'.length), undefined);
    return nondetCall(lw, node, name, named === null ? lw.T.int : lw.intType(named, node), args);
  }
  return undefinedCall(lw, node, name, info, args, used);
}

/** `nondet_int()` and the like, declared without a body: an arbitrary value of the type, with a note. */
function nondetCall(
  lw: Lowerer,
  node: SyntaxNode,
  name: string,
  t: CScalar,
  args: SyntaxNode[],
): Val {
  for (const a of args) lw.value(a);
  lw.notes.push(
    diagnostic(
      'undefined-function',
      'note',
      `${name}() has no body: it returns an arbitrary ${typeText(t)}`,
      lw.span(node),
    ),
  );
  const tmp = lw.temp(t, `${name}()`);
  lw.b.emit({ kind: 'havoc', target: tmp, source: name }, lw.span(node));
  return { e: variable(tmp, lw.irT(t)), t };
}

/**
 * A call through a function pointer: resolved over the functions whose
 * address the program takes and whose parameter count matches; a pointer
 * holding none of them violates `valid-call`.
 */
function indirectCall(
  lw: Lowerer,
  node: SyntaxNode,
  callee: SyntaxNode,
  args: SyntaxNode[],
  used: boolean,
): Val | null {
  const fp = lw.value(callee);
  if (fp.t.kind !== 'ptr' || (fp.t.to.kind !== 'func' && fp.t.to.kind !== 'void'))
    return lw.fail(callee, `${lw.text(callee)} is not a function`, 'type-error');
  const ftype = fp.t.to.kind === 'func' ? fp.t.to : null;
  const target = lw.keep(fp.e, `${lw.text(callee)}`);
  const candidates = [...lw.prog.functionValues]
    .sort()
    .map((n) => lw.prog.functions.get(n))
    .filter(
      (f): f is FunctionInfo =>
        f !== undefined &&
        (f.definition !== null || lw.models?.functions.get(f.name)?.definition != null),
    )
    .filter((f) => f.params.length === args.length || f.variadic || f.unprototyped)
    .filter((f) => ftype === null || ftype.ret.kind === f.returnType.kind);
  const span = lw.span(node);
  const rt = ftype?.ret ?? candidates[0]?.returnType ?? voidT;
  const result = used && isScalarC(rt) ? lw.temp(rt, `${lw.text(callee)}(...)`) : null;
  const join = lw.b.newNode();
  for (const f of candidates) {
    const addr = lw.functionPointer(f.name, node).e;
    const hit = compare('eq', target, addr);
    const from = lw.b.here();
    const yes = lw.b.newNode();
    const no = lw.b.newNode();
    lw.b.branch(from, hit, yes, no, span);
    lw.b.cur = yes;
    const v = inline(
      lw,
      f.definition !== null ? f : (lw.models?.functions.get(f.name) as FunctionInfo),
      node,
      args,
      used,
      f.definition === null,
    );
    if (lw.b.cur !== null && result !== null && v !== null && isScalarC(rt))
      lw.b.emit({ kind: 'assign', target: result, value: lw.conv(v, rt) }, span);
    lw.b.jump(join);
    lw.b.cur = no;
  }
  lw.check(
    'valid-call',
    node,
    node.startIndex,
    0,
    falseExpr,
    `${lw.text(callee)} points to a function of a matching type (${candidates.map((f) => f.name).join(', ') || 'none is known'})`,
  );
  lw.b.jump(join);
  lw.b.cur = join;
  if (result === null || !isScalarC(rt)) return null;
  return { e: variable(result, lw.irT(rt)), t: rt };
}

/**
 * The allocator (`malloc`, `calloc`, `realloc`, `free`, `alloca`) and the
 * helpers the library models use (`__arc_same_object`, `__arc_offset`, and
 * `__arc_r_ok(p, n)` / `__arc_w_ok(p, n)`: p points to n bytes of one live,
 * for writing also writable, object).
 * `calloc`'s zeroing and `realloc`'s copy are loops in C (lowered by
 * `allocatorModel`), so they are checked and unwound like user code.
 */
function memoryCall(lw: Lowerer, node: SyntaxNode, name: string, args: SyntaxNode[]): Val | null {
  lw.needMemory(node);
  const m = lw.mem;
  const span = lw.span(node);
  const voidPtr = ptrTo(voidT);
  const arg = (i: number): Val => {
    const a = args[i];
    if (a === undefined) return lw.fail(node, `${name} needs ${i + 1} argument(s)`, 'type-error');
    return lw.value(a);
  };
  const size = (v: Val, i: number): Expr => lw.conv(lw.int(v, args[i]), lw.sizeT);
  switch (name) {
    case 'malloc':
    case 'alloca':
    case '__builtin_alloca': {
      const n = size(arg(0), 0);
      if (name !== 'malloc') {
        // A block of 2^offBits bytes or more is beyond arc's memory model (and
        // any real stack): such runs are cut, as for variable-length arrays.
        lw.b.emit(
          { kind: 'assume', cond: compare('lt', n, constant(n.type, 1n << BigInt(m.offBits))) },
          lw.span(node),
        );
        const loc = lw.frameObject(n, node);
        return { e: loc, t: voidPtr };
      }
      return { e: allocate(lw, n, node), t: voidPtr };
    }
    case 'calloc': {
      const count = size(arg(0), 0);
      const each = size(arg(1), 1);
      const W = 2 * m.ptrT.width;
      const wide = bvType(W, false);
      const product = binary('mul', cast(count, wide), cast(each, wide));
      // An overflowing count × size fails (returns NULL).
      const fits = compare('lt', product, constant(wide, 1n << BigInt(m.offBits)));
      const tmp = lw.temp(voidPtr, `calloc(...)`);
      const from = lw.b.here();
      const ok = lw.b.newNode();
      const bad = lw.b.newNode();
      const join = lw.b.newNode();
      lw.b.branch(from, fits, ok, bad, span);
      lw.b.cur = bad;
      lw.b.emit({ kind: 'assign', target: tmp, value: constant(m.ptrT, 0n) }, span);
      lw.b.jump(join);
      lw.b.cur = ok;
      const bytes = cast(product, m.ptrT);
      const p = allocate(lw, bytes, node);
      lw.b.emit({ kind: 'assign', target: tmp, value: p }, span);
      zeroLoop(lw, variable(tmp, m.ptrT), bytes, node);
      lw.b.jump(join);
      lw.b.cur = join;
      return { e: variable(tmp, m.ptrT), t: voidPtr };
    }
    case 'realloc': {
      const old = lw.keep(arg(0).e, 'realloc pointer');
      const n = lw.keep(size(arg(1), 1), 'realloc size');
      const tmp = lw.temp(voidPtr, `realloc(...)`);
      const isNull = compare('eq', old, constant(m.ptrT, 0n));
      const from = lw.b.here();
      const fresh = lw.b.newNode();
      const move = lw.b.newNode();
      const join = lw.b.newNode();
      lw.b.branch(from, isNull, fresh, move, span);
      lw.b.cur = fresh;
      lw.b.emit({ kind: 'assign', target: tmp, value: allocate(lw, n, node) }, span);
      lw.b.jump(join);
      lw.b.cur = move;
      checkFree(lw, old, node, 'realloc');
      const p = allocate(lw, n, node);
      lw.b.emit({ kind: 'assign', target: tmp, value: p }, span);
      const failed = compare('eq', variable(tmp, m.ptrT), constant(m.ptrT, 0n));
      const f2 = lw.b.here();
      const copyNode = lw.b.newNode();
      lw.b.branch(f2, failed, join, copyNode, span);
      lw.b.cur = copyNode;
      const oldSize = m.sizeOfObj(m.objOf(old));
      const newSize = cast(n, m.ptrT);
      const keep = ite(compare('lt', oldSize, newSize), oldSize, newSize);
      copyLoop(lw, variable(tmp, m.ptrT), old, keep, node);
      freeObject(lw, old, node);
      lw.b.jump(join);
      lw.b.cur = join;
      return { e: variable(tmp, m.ptrT), t: voidPtr };
    }
    case 'free': {
      const p = lw.keep(arg(0).e, 'free pointer');
      const isNull = compare('eq', p, constant(m.ptrT, 0n));
      const from = lw.b.here();
      const doFree = lw.b.newNode();
      const join = lw.b.newNode();
      lw.b.branch(from, isNull, join, doFree, span);
      lw.b.cur = doFree;
      checkFree(lw, p, node, 'free');
      freeObject(lw, p, node);
      lw.b.jump(join);
      lw.b.cur = join;
      return null;
    }
    case '__arc_same_object': {
      const a = arg(0).e;
      const b = arg(1).e;
      return lw.boolVal(compare('eq', m.objOf(a), m.objOf(b)));
    }
    case '__arc_offset':
      return { e: cast(m.offOf(arg(0).e), lw.irT(lw.sizeT)), t: lw.sizeT };
    case '__arc_r_ok':
    case '__arc_w_ok': {
      const p = arg(0).e;
      const n = size(arg(1), 1);
      const wide = bvType(
        Math.max(m.ptrT.width, n.type.kind === 'bv' ? n.type.width : 64) + 1,
        false,
      );
      const obj = m.objOf(p);
      const live =
        name === '__arc_w_ok'
          ? m.isState(obj, ObjState.global, ObjState.stack, ObjState.heap)
          : m.isState(obj, ObjState.global, ObjState.stack, ObjState.heap, ObjState.readOnly);
      const end = binary('add', cast(m.offOf(p), wide), cast(n, wide));
      const fits = compare('le', end, cast(m.sizeOfObj(obj), wide));
      const ok = binary('and', binary('and', compare('ne', obj, constant(m.objT, 0n)), live), fits);
      return lw.boolVal(ok);
    }
    default:
      return lw.fail(node, `internal error: no memory built-in ${name}`, 'type-error');
  }
}

/** A fresh heap block of `n` bytes, or NULL when allocation may fail and does. */
function allocate(lw: Lowerer, n: Expr, node: SyntaxNode): Expr {
  const m = lw.mem;
  const span = lw.span(node);
  const tmp = lw.temp(ptrTo(voidT), 'malloc(...)');
  const fits = compare('lt', n, constant(n.type, 1n << BigInt(m.offBits)));
  const from = lw.b.here();
  const join = lw.b.newNode();
  const ok = lw.b.newNode();
  const fail = lw.b.newNode();
  if (lw.settings.mallocMayFail) {
    // The choice is the allocator's: a nondet bool, or a size that does not fit.
    const choice = lw.tempOf(boolType, '_Bool', 'malloc succeeds');
    lw.b.emit({ kind: 'havoc', target: choice, source: 'malloc succeeds' }, span);
    const go = binary('and', variable(choice, boolType), fits);
    const at = lw.b.here();
    lw.b.branch(at, go, ok, fail, span);
  } else {
    // Never fails: a size arc cannot represent is outside the model (the run is cut).
    lw.b.edge(from, ok, { kind: 'assume', cond: fits }, span);
  }
  lw.b.cur = fail;
  lw.b.emit({ kind: 'assign', target: tmp, value: constant(m.ptrT, 0n) }, span);
  lw.b.jump(join);
  lw.b.cur = ok;
  const p = m.allocate(ObjState.heap, cast(n, m.ptrT), span, 'malloc(...)', 'void *');
  lw.b.emit({ kind: 'assign', target: tmp, value: variable(p, m.ptrT) }, span);
  lw.b.jump(join);
  lw.b.cur = join;
  return variable(tmp, m.ptrT);
}

/** The `valid-free` checks of freeing the non-NULL pointer `p`. */
function checkFree(lw: Lowerer, p: Expr, node: SyntaxNode, fn: string): void {
  const m = lw.mem;
  const obj = m.objOf(p);
  const what = lw.text(node);
  lw.check(
    'valid-free',
    node,
    node.startIndex,
    0,
    not(m.isState(obj, ObjState.freed)),
    `${what}: the block was not freed before (no double free)`,
  );
  lw.check(
    'valid-free',
    node,
    node.startIndex,
    1,
    m.isState(obj, ObjState.heap),
    `${what}: the pointer points to memory from malloc, calloc or realloc (not a local, global or literal)`,
  );
  lw.check(
    'valid-free',
    node,
    node.startIndex,
    2,
    compare('eq', m.offOf(p), constant(m.ptrT, 0n)),
    `${what}: the pointer points to the start of its block`,
  );
  void fn;
}

function freeObject(lw: Lowerer, p: Expr, node: SyntaxNode): void {
  const m = lw.mem;
  const span = lw.span(node);
  lw.objectsDie = true;
  m.setState(p, ObjState.freed, span);
  lw.b.emit(
    {
      kind: 'assign',
      target: m.vars.heap,
      value: binary('sub', m.heapVar(), constant(m.ptrT, 1n)),
    },
    span,
  );
}

/** A loop `for (i = 0; i < n; i++) p[i] = 0` over bytes (calloc), without checks: the block is fresh. */
function zeroLoop(lw: Lowerer, p: Expr, n: Expr, node: SyntaxNode): void {
  byteLoop(lw, n, node, (i) => ({
    kind: 'store',
    type: lw.mem.memT,
    array: lw.mem.memVar(),
    index: binary('add', p, i),
    value: constant(lw.mem.byteT, 0n),
  }));
}

/** A loop copying `n` bytes from `src` to the fresh block `dst` (realloc), reading with checks. */
function copyLoop(lw: Lowerer, dst: Expr, src: Expr, n: Expr, node: SyntaxNode): void {
  const m = lw.mem;
  byteLoop(lw, n, node, (i) => ({
    kind: 'store',
    type: m.memT,
    array: m.memVar(),
    index: binary('add', dst, i),
    value: { kind: 'select', type: m.byteT, array: m.memVar(), index: binary('add', src, i) },
  }));
}

function byteLoop(lw: Lowerer, n: Expr, node: SyntaxNode, body: (i: Expr) => Expr): void {
  const m = lw.mem;
  const span = lw.span(node);
  const i = lw.tempOf(m.ptrT, 'size_t', 'byte index');
  const iv = variable(i, m.ptrT);
  lw.b.emit({ kind: 'assign', target: i, value: constant(m.ptrT, 0n) }, span);
  const head = lw.b.newNode();
  lw.b.jump(head);
  const bodyNode = lw.b.newNode();
  const exit = lw.b.newNode();
  const more = compare('lt', iv, n);
  lw.b.branch(head, more, bodyNode, exit, span);
  lw.b.cur = bodyNode;
  lw.b.emit({ kind: 'assign', target: m.vars.mem, value: body(iv) }, span);
  lw.b.emit({ kind: 'assign', target: i, value: binary('add', iv, constant(m.ptrT, 1n)) }, span);
  lw.b.jump(head);
  lw.b.cur = exit;
}

function oneArg(lw: Lowerer, node: SyntaxNode, args: SyntaxNode[]): SyntaxNode {
  if (args.length !== 1) lw.fail(node, 'this call takes exactly one argument', 'type-error');
  return args[0];
}

/** The argument's value as the callee's declared parameter would see it. */
function asParam(lw: Lowerer, v: Val, info: FunctionInfo | undefined): Val {
  const p = info?.params[0]?.type;
  return p !== undefined && isScalarC(p) ? { e: lw.conv(v, p), t: p } : v;
}

/**
 * `assert(c)`, `__VERIFIER_assert(c)`, `__CPROVER_assert(c, "msg")`,
 * `__ESBMC_assert(c, "msg")`; `__arc_assert(c, "msg")` in a library model is
 * a `library` property whose description is the message.
 */
function assertion(
  lw: Lowerer,
  node: SyntaxNode,
  name: string,
  args: SyntaxNode[],
  info: FunctionInfo | undefined,
): null {
  if (args.length === 2) {
    const c = lw.cond(lw.value(args[0]));
    const msg = stringBytes(args[1]);
    const text = msg === null ? lw.text(args[1]) : Buffer.from(msg).toString('utf8');
    const kind = name === '__arc_assert' && lw.modelCall !== null ? 'library' : 'assertion';
    lw.check(
      kind,
      node,
      node.startIndex,
      0,
      c,
      kind === 'library' ? text : `the assertion ${lw.text(args[0])} holds (${text})`,
    );
    return null;
  }
  const arg = oneArg(lw, node, args);
  const c = lw.cond(asParam(lw, lw.value(arg), info));
  lw.check('assertion', node, node.startIndex, 0, c, `the assertion ${lw.text(arg)} holds`);
  return null;
}

function errorCall(lw: Lowerer, node: SyntaxNode, name: string): null {
  lw.check('error-call', node, node.startIndex, 0, falseExpr, `${name}() is never called`);
  lw.b.cur = null;
  return null;
}

function assume(
  lw: Lowerer,
  node: SyntaxNode,
  args: SyntaxNode[],
  info: FunctionInfo | undefined,
): null {
  const arg = oneArg(lw, node, args);
  const c = lw.cond(asParam(lw, lw.value(arg), info));
  lw.b.emit({ kind: 'assume', cond: c }, lw.span(node));
  return null;
}

function nondetType(lw: Lowerer, suffix: string, declared: CType | undefined): CType | null {
  const T = lw.T;
  const table: Record<string, CInt> = {
    bool: T.bool,
    _Bool: T.bool,
    char: T.char,
    schar: T.schar,
    uchar: T.uchar,
    unsigned_char: T.uchar,
    short: T.short,
    ushort: T.ushort,
    unsigned_short: T.ushort,
    int: T.int,
    uint: T.uint,
    unsigned: T.uint,
    unsigned_int: T.uint,
    long: T.long,
    ulong: T.ulong,
    unsigned_long: T.ulong,
    longlong: T.llong,
    long_long: T.llong,
    ulonglong: T.ullong,
    unsigned_long_long: T.ullong,
  };
  if (Object.prototype.hasOwnProperty.call(table, suffix)) return table[suffix];
  return declared ?? null;
}

function nondet(lw: Lowerer, node: SyntaxNode, name: string, info: FunctionInfo | undefined): Val {
  const t = nondetType(lw, name.slice('__VERIFIER_nondet_'.length), info?.returnType);
  if (t === null)
    return lw.unsupported(node, `the nondeterministic value ${name}() of an unknown type`);
  const it = lw.intType(t, node);
  const tmp = lw.temp(it, `${name}()`);
  lw.b.emit({ kind: 'havoc', target: tmp, source: name }, lw.span(node));
  return { e: variable(tmp, lw.irT(it)), t: it };
}

function halt(lw: Lowerer, node: SyntaxNode, name: string, args: SyntaxNode[]): null {
  for (const a of args) lw.value(a);
  // exit() ends the program normally: the leak checks apply (abort() skips them, as LeakSanitizer does).
  if (name !== 'abort') lw.leakChecks(node, true);
  lw.halt ??= lw.b.newNode('halt');
  lw.b.jump(lw.halt, lw.span(node));
  return null;
}

/** Whether an argument is not an integer (a string, `stderr`, a function name): not evaluated. */
function opaqueArg(lw: Lowerer, a: SyntaxNode): boolean {
  if (a.type === 'string_literal' || a.type === 'concatenated_string') return true;
  if (a.type !== 'identifier') return false;
  const b = lw.scope.lookup(a.text);
  if (b) return b.kind === 'unsupported';
  if (lw.prog.enumConsts.has(a.text)) return false;
  const g = lw.prog.globals.get(a.text);
  if (g) return !isScalarC(g.type);
  return lw.prog.functions.has(a.text);
}

function output(
  lw: Lowerer,
  node: SyntaxNode,
  name: string,
  args: SyntaxNode[],
  used: boolean,
): Val | null {
  for (const a of args) if (!opaqueArg(lw, a)) lw.value(a);
  lw.notes.push(
    diagnostic('ignored-call', 'note', `the output call ${name}(...) is ignored`, lw.span(node)),
  );
  if (!used) return null;
  const tmp = lw.temp(lw.T.int, `${name}(...)`);
  lw.b.emit({ kind: 'havoc', target: tmp, source: `result of ${name}` }, lw.span(node));
  return { e: variable(tmp, lw.irT(lw.T.int)), t: lw.T.int };
}

function undefinedCall(
  lw: Lowerer,
  node: SyntaxNode,
  name: string,
  info: FunctionInfo | undefined,
  args: SyntaxNode[],
  used: boolean,
): Val | null {
  for (const a of args) {
    const t = lw.typeOfExpr(a);
    if (t.kind === 'struct') lw.aggregate(a);
    else lw.value(a);
  }
  const span = lw.span(node);
  if (lw.settings.undefinedPure && !STANDARD_LIBRARY.has(name))
    return pureUndefinedCall(lw, node, name, info, used);
  lw.b.approximations.push({ kind: 'undefined-function', name, span });
  const how = info
    ? 'declared but not defined in this file'
    : 'not declared (implicitly returns int)';
  lw.notes.push(
    diagnostic(
      'undefined-function',
      'warning',
      `${name} is ${how}: its result and every global variable are treated as arbitrary after the call`,
      span,
    ),
  );
  const from = lw.b.here();
  const to = lw.b.newNode();
  lw.globalHavocs.push({ from, to, source: `undefined function ${name}`, span });
  lw.b.cur = to;
  const rt: CType = info ? info.returnType : lw.T.int;
  if (rt.kind === 'void' || (!used && !isScalarC(rt))) return null;
  const it = lw.scalarType(rt, node);
  const tmp = lw.temp(it, `${name}(...)`);
  lw.b.emit({ kind: 'havoc', target: tmp, source: `undefined function ${name}` }, span);
  return { e: variable(tmp, lw.irT(it)), t: it };
}

/**
 * C standard library functions arc has no model of: they have a meaning of
 * their own, so `--undefined-functions-pure` does not make them arbitrary.
 */
export const STANDARD_LIBRARY: ReadonlySet<string> = new Set(
  (
    'atexit at_quick_exit atof atoi atol atoll strtol strtoll strtoul strtoull strtod strtof ' +
    'strtold rand srand qsort bsearch div ldiv lldiv getenv system mblen mbtowc wctomb ' +
    'mbstowcs wcstombs aligned_alloc fopen fclose fread fwrite fgets fgetc getc getchar gets ' +
    'scanf fscanf sscanf sprintf snprintf vsprintf vsnprintf vprintf vfprintf fflush fseek ' +
    'ftell rewind remove rename tmpfile tmpnam perror ferror feof clearerr setbuf setvbuf ' +
    'ungetc putc fputc strcoll strxfrm strerror strtok strpbrk strrchr strstr strspn strcspn ' +
    'time clock difftime mktime gmtime localtime strftime asctime ctime signal raise setjmp ' +
    'longjmp localeconv setlocale sqrt pow exp log log10 sin cos tan floor ceil fabs fmod'
  ).split(' '),
);

/** `--undefined-functions-pure`: the call returns an arbitrary value and does nothing else. */
function pureUndefinedCall(
  lw: Lowerer,
  node: SyntaxNode,
  name: string,
  info: FunctionInfo | undefined,
  used: boolean,
): Val | null {
  const span = lw.span(node);
  const rt: CType = info ? info.returnType : lw.T.int;
  lw.notes.push(
    diagnostic(
      'undefined-function',
      'note',
      `${name} has no body: it returns an arbitrary ${typeText(rt)} and changes nothing else (--undefined-functions-pure)`,
      span,
    ),
  );
  if (rt.kind === 'void' || (!used && !isScalarC(rt))) return null;
  if (!isScalarC(rt)) return lw.unsupported(node, `the ${typeText(rt)} result of ${name}`);
  const it = lw.scalarType(rt, node);
  const tmp = lw.temp(it, `${name}(...)`);
  lw.b.emit({ kind: 'havoc', target: tmp, source: `no body: ${name}` }, span);
  return { e: variable(tmp, lw.irT(it)), t: it };
}

/** Bounded recursion stops inlining past this IR size (inlining can grow exponentially). */
const MAX_RECURSIVE_INLINING_EDGES = 100_000;

/**
 * A recursive call deeper than the inlining bound: an `unwinding` property
 * that fails if the call is reached (the path ends there). Whoever checks the
 * other properties treats it as an assumption, and checks it separately to
 * show that no run goes deeper than the bound.
 */
function recursionCut(
  lw: Lowerer,
  info: FunctionInfo,
  node: SyntaxNode,
  depth: number,
): Val | null {
  const what = `no run makes more than ${depth} nested recursive calls of ${info.name}`;
  lw.check('unwinding', node, node.startIndex, 0, falseExpr, what);
  lw.b.cur = null;
  if (!isScalarC(info.returnType)) return null;
  const rt = lw.scalarType(info.returnType, node);
  const tmp = lw.temp(rt, `${info.name}(...)`);
  return { e: variable(tmp, lw.irT(rt)), t: rt };
}

function inline(
  lw: Lowerer,
  info: FunctionInfo,
  node: SyntaxNode,
  args: SyntaxNode[],
  used: boolean,
  model = false,
): Val | null {
  const name = info.name;
  if (lw.callStack.includes(name)) {
    const depth = lw.settings.recursionDepth;
    if (depth === undefined) {
      const chain = [...lw.callStack.slice(lw.callStack.indexOf(name)), name].join(' -> ');
      return lw.fail(
        node,
        `recursion (${chain}): arc inlines calls and cannot analyse recursive functions`,
        'recursion',
      );
    }
    if (lw.callStack.filter((n) => n === name).length > depth) {
      return recursionCut(lw, info, node, depth);
    }
    if (lw.b.edges.length > MAX_RECURSIVE_INLINING_EDGES) {
      return lw.fail(
        node,
        `inlining the recursion of ${name} ${depth} calls deep exceeds ${MAX_RECURSIVE_INLINING_EDGES} IR edges`,
        'recursion',
      );
    }
  }
  if (info.variadic) return lw.unsupported(node, `calls to the variadic function ${name}`);
  // Extra arguments to a function without a prototype are evaluated and dropped.
  if (info.unprototyped && args.length > info.params.length) {
    for (const a of args) lw.value(a);
    args = [];
  }
  if (args.length !== info.params.length)
    return lw.fail(
      node,
      `${name} expects ${info.params.length} argument(s), got ${args.length}`,
      'type-error',
    );
  // Arguments: scalars by value, structs as the place holding them (copied below).
  const values: ({ agg: Loc; val?: undefined } | { val: Val; agg?: undefined })[] = args.map(
    (a, i) => {
      const pt = info.params[i].type;
      return pt.kind === 'struct' ? { agg: lw.aggregate(a) } : { val: lw.value(a) };
    },
  );
  const body = info.definition ?? node;
  const addressTaken = namesUnderAddressOf(lw.field(body, 'body'));
  // A struct result goes to an object of the caller's block.
  const rtype = info.returnType;
  let resultLoc: Loc | null = null;
  if (rtype.kind === 'struct') resultLoc = lw.stackObject(rtype, node, `${name}()`);
  const savedScope = lw.scope;
  const savedFrame = lw.frame;
  const savedModel = lw.modelCall;
  if (model && savedModel === null)
    lw.modelCall = { span: lw.span(node), pos: node.startIndex, owner: lw.frame.name };
  const scope = new Scope(null);
  const paramObjects: string[] = [];
  const frameObjects: string[][] = [paramObjects];
  info.params.forEach((p, i) => {
    const pname = p.name ?? `$arg${i + 1}`;
    const span = lw.span(args[i]);
    const v = values[i];
    if (v.val !== undefined && isScalarC(p.type) && !addressTaken.has(pname)) {
      const pt = lw.scalarType(p.type, p.node);
      const name2 = lw.b.variable(
        `${name}::${pname}`,
        lw.irT(pt),
        pname,
        typeText(pt),
        lw.span(p.node),
      );
      lw.b.emit({ kind: 'assign', target: name2, value: lw.conv(v.val, pt) }, span);
      scope.set(pname, { kind: 'var', name: name2, type: pt });
      return;
    }
    // A parameter in memory: its own object for the call, holding the argument.
    const size = lw.elemSize(p.type, p.node);
    const obj = lw.mem.allocate(
      ObjState.stack,
      constant(lw.mem.ptrT, BigInt(size)),
      span,
      pname,
      typeText(p.type),
    );
    paramObjects.push(obj);
    const loc: Loc = { addr: variable(obj, lw.mem.ptrT), type: p.type, what: pname };
    if (v.agg !== undefined) lw.copy(loc, v.agg, size, args[i]);
    else {
      const pt = lw.scalarType(p.type, p.node);
      lw.writeRaw(loc.addr, pt, lw.conv(v.val, pt), span);
    }
    scope.set(pname, { kind: 'mem', addr: loc.addr, type: p.type });
  });
  const rt =
    rtype.kind === 'void'
      ? null
      : rtype.kind === 'struct'
        ? lw.mem.ptrT
        : lw.irT(lw.scalarType(rtype, node));
  const retVar = rt ? lw.b.variable(`${name}::$ret`, rt, `${name}()`, typeText(rtype)) : null;
  if (resultLoc !== null && retVar !== null)
    lw.b.emit({ kind: 'assign', target: retVar, value: resultLoc.addr }, lw.span(node));
  const frame: Frame = {
    name,
    returnType: info.returnType,
    retVar,
    exit: lw.b.newNode(),
    isMain: name === 'main',
    prefix: `${name}::`,
    labels: new Map(),
    breaks: [],
    conts: [],
    addressTaken,
    objects: frameObjects,
    breakDepths: [],
    contDepths: [],
    labelDepths: new Map(),
    pendingGotos: [],
  };
  lw.scope = scope;
  lw.frame = frame;
  lw.callStack.push(name);
  try {
    lowerFunctionBody(lw, lw.field(body, 'body'));
    lw.b.cur = frame.exit;
    // The call's parameters and alloca blocks die when it returns.
    lw.killObjects(0, lw.span(node));
  } finally {
    lw.callStack.pop();
    lw.scope = savedScope;
    lw.frame = savedFrame;
    lw.modelCall = savedModel;
  }
  if (!rt || !retVar) return null;
  void used;
  if (resultLoc !== null) {
    lw.lastAggregate = resultLoc;
    return null;
  }
  return { e: variable(retVar, rt), t: lw.scalarType(rtype, node) };
}
