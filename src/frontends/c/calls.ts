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
import { falseExpr, variable } from '../../ir/ir.js';
import type { CInt, CType } from './ctypes.js';
import type { Frame, Lowerer, Val } from './lower.js';
import { Scope } from './lower.js';
import type { SyntaxNode } from './parser.js';
import type { FunctionInfo } from './program.js';
import { lowerFunctionBody } from './stmt.js';

const ASSERTS = new Set(['__arc_assert', '__VERIFIER_assert']);
const ERRORS = new Set(['reach_error', '__VERIFIER_error', '__assert_fail']);
const ASSUMES = new Set(['__VERIFIER_assume', 'assume_abort_if_not']);
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
    name === '__arc_assert_disabled' ||
    name.startsWith('__VERIFIER_nondet_')
  );
}

export function lowerCall(lw: Lowerer, node: SyntaxNode, used: boolean): Val | null {
  const fn = lw.field(node, 'function');
  const args = (node.childForFieldName('arguments')?.namedChildren ?? []).filter(
    (a) => a.type !== 'comment',
  );
  if (fn.type !== 'identifier') return lw.unsupported(node, 'calls through function pointers');
  const name = fn.text;
  if (lw.scope.lookup(name)) return lw.unsupported(fn, `calls through function pointers (${name})`);
  const info = lw.prog.functions.get(name);
  if (ASSERTS.has(name) || (name === 'assert' && !info?.definition))
    return assertion(lw, node, args, info);
  if (name === '__arc_assert_disabled') return null;
  if (ERRORS.has(name)) return errorCall(lw, node, name);
  if (ASSUMES.has(name)) return assume(lw, node, args, info);
  if (name.startsWith('__VERIFIER_nondet_')) return nondet(lw, node, name, info);
  if (HALTS.has(name)) return halt(lw, node, args);
  if (OUTPUT.has(name)) return output(lw, node, name, args, used);
  if (info?.definition) return inline(lw, info, node, args, used);
  return undefinedCall(lw, node, name, info, args, used);
}

function oneArg(lw: Lowerer, node: SyntaxNode, args: SyntaxNode[]): SyntaxNode {
  if (args.length !== 1) lw.fail(node, 'this call takes exactly one argument', 'type-error');
  return args[0];
}

/** The argument's value as the callee's declared parameter would see it. */
function asParam(lw: Lowerer, v: Val, info: FunctionInfo | undefined): Val {
  const p = info?.params[0]?.type;
  return p?.kind === 'int' ? { e: lw.conv(v, p), t: p } : v;
}

function assertion(
  lw: Lowerer,
  node: SyntaxNode,
  args: SyntaxNode[],
  info: FunctionInfo | undefined,
): null {
  const arg = oneArg(lw, node, args);
  const c = lw.cond(asParam(lw, lw.expr(arg), info));
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
  const c = lw.cond(asParam(lw, lw.expr(arg), info));
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

function halt(lw: Lowerer, node: SyntaxNode, args: SyntaxNode[]): null {
  for (const a of args) lw.expr(a);
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
  if (g) return g.type.kind !== 'int';
  return lw.prog.functions.has(a.text);
}

function output(
  lw: Lowerer,
  node: SyntaxNode,
  name: string,
  args: SyntaxNode[],
  used: boolean,
): Val | null {
  for (const a of args) if (!opaqueArg(lw, a)) lw.expr(a);
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
  for (const a of args)
    if (!(a.type === 'identifier' && lw.prog.functions.has(a.text) && !lw.scope.lookup(a.text)))
      lw.expr(a);
  const span = lw.span(node);
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
  if (rt.kind === 'void' || (!used && rt.kind !== 'int')) return null;
  const it = lw.intType(rt, node);
  const tmp = lw.temp(it, `${name}(...)`);
  lw.b.emit({ kind: 'havoc', target: tmp, source: `undefined function ${name}` }, span);
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
  if (info.returnType.kind === 'void') return null;
  const rt = lw.intType(info.returnType, node);
  const tmp = lw.temp(rt, `${info.name}(...)`);
  return { e: variable(tmp, lw.irT(rt)), t: rt };
}

function inline(
  lw: Lowerer,
  info: FunctionInfo,
  node: SyntaxNode,
  args: SyntaxNode[],
  used: boolean,
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
  if (args.length !== info.params.length)
    return lw.fail(
      node,
      `${name} expects ${info.params.length} argument(s), got ${args.length}`,
      'type-error',
    );
  const values = args.map((a) => lw.expr(a));
  const savedScope = lw.scope;
  const savedFrame = lw.frame;
  const scope = new Scope(null);
  info.params.forEach((p, i) => {
    const pt = lw.intType(p.type, p.node);
    const pname = p.name ?? `$arg${i + 1}`;
    const v = lw.b.variable(`${name}::${pname}`, lw.irT(pt), pname, pt.name, lw.span(p.node));
    lw.b.emit({ kind: 'assign', target: v, value: lw.conv(values[i], pt) }, lw.span(args[i]));
    scope.set(pname, { kind: 'var', name: v, type: pt });
  });
  const rt = info.returnType.kind === 'void' ? null : lw.intType(info.returnType, node);
  const retVar = rt ? lw.b.variable(`${name}::$ret`, lw.irT(rt), `${name}()`, rt.name) : null;
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
  };
  lw.scope = scope;
  lw.frame = frame;
  lw.callStack.push(name);
  try {
    lowerFunctionBody(lw, lw.field(info.definition ?? node, 'body'));
  } finally {
    lw.callStack.pop();
    lw.scope = savedScope;
    lw.frame = savedFrame;
  }
  lw.b.cur = frame.exit;
  if (!rt || !retVar) return null;
  void used;
  return { e: variable(retVar, lw.irT(rt)), t: rt };
}
