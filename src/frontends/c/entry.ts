/**
 * Lowers one defined C function (with its callees inlined) to an IrFunction.
 *
 * Global integer variables: when the entry is `main`, they are locals that
 * start with their initialiser (0 without one), as in a whole-program run;
 * for any other entry they are parameters (arbitrary initial values, with
 * `sourceName` the global's name), since the function may be called in any
 * state. Only globals the lowered code uses appear.
 *
 * Throws LowerError for anything it cannot model; the caller turns it into a
 * diagnostic.
 */
import type { Diagnostic } from '../../core/diagnostic.js';
import { boolType, constant, variable, type IrFunction } from '../../ir/ir.js';
import { isConventionName, lowerCall, STANDARD_LIBRARY } from './calls.js';
import { isScalarC, layoutOf, typeText } from './ctypes.js';
import { MEMORY, namesIn, type Effects } from './effects.js';

/** The allocator: it reads and writes memory (the object table). */
const MEMORY_BUILTINS = new Set([
  'malloc',
  'calloc',
  'realloc',
  'free',
  'alloca',
  '__builtin_alloca',
]);
import { binary, compare, not } from './fold.js';
import { Lowerer, Scope, type Frame } from './lower.js';
import { ObjState } from './memory.js';
import type { SyntaxNode } from './parser.js';
import { namesUnderAddressOf, type FunctionInfo, type ProgramInfo } from './program.js';
import type { SourceMap } from './srcmap.js';
import { lowerFunctionBody } from './stmt.js';

export interface EntryOptions {
  readonly math: boolean;
  readonly returnsTrue: boolean;
  readonly recursionDepth?: number;
  /** `malloc`, `calloc` and `realloc` may return NULL (default: they may). */
  readonly mallocMayFail?: boolean;
  /** See CFrontendOptions.undefinedPure. */
  readonly undefinedPure?: boolean;
  /** The library models, for calls to functions the file does not define. */
  readonly models?: ProgramInfo | null;
}

export function lowerFunction(
  prog: ProgramInfo,
  sm: SourceMap,
  info: FunctionInfo,
  options: EntryOptions,
): { fn: IrFunction; notes: Diagnostic[] } {
  const settings = {
    math: options.math,
    mallocMayFail: options.mallocMayFail ?? true,
    undefinedPure: options.undefinedPure ?? false,
    globalsInitialised: info.name === 'main',
    calleeEffects: calleeEffects(prog, options.models ?? null, options.undefinedPure ?? false),
    ...(options.recursionDepth !== undefined ? { recursionDepth: options.recursionDepth } : {}),
  };
  const lw = new Lowerer(prog, sm, settings, lowerCall);
  lw.models = options.models ?? null;
  // A declaration C forbids makes the file bad input, whichever function is analysed.
  lw.programErrors();
  const def = info.definition;
  if (!def) throw new Error(`lowerFunction: ${info.name} has no definition`);
  const entry = lw.b.here();
  const paramStart = lw.b.newNode();
  const bodyStart = lw.b.newNode();
  const scope = new Scope(null);
  const body = lw.field(def, 'body');
  const addressTaken = namesUnderAddressOf(body);
  const rt =
    info.returnType.kind === 'void'
      ? null
      : lw.scalarType(info.returnType, lw.field(def, 'declarator'));
  const retVar = rt ? lw.b.variable('$ret', lw.irT(rt), `${info.name}()`, typeText(rt)) : null;
  const ret = lw.b.newNode('return', lw.span(def));
  const frame: Frame = {
    name: info.name,
    returnType: info.returnType,
    retVar,
    exit: lw.b.newNode(),
    isMain: info.name === 'main',
    prefix: '',
    labels: new Map(),
    breaks: [],
    conts: [],
    addressTaken,
    objects: [[]],
    breakDepths: [],
    contDepths: [],
    labelDepths: new Map(),
    pendingGotos: [],
  };
  lw.frame = frame;
  lw.b.cur = paramStart;
  info.params.forEach((p, i) => entryParam(lw, info, p, i, scope, addressTaken, body));
  lw.b.jump(bodyStart);
  lw.scope = scope;
  lw.b.cur = bodyStart;
  lw.callStack.push(info.name);
  lowerFunctionBody(lw, body);
  returnEdge(lw, frame, ret, options.returnsTrue, def);
  lw.emitLeakChecks();
  lw.addressReuse();
  initialiseGlobals(lw, entry, paramStart);
  expandGlobalHavocs(lw);
  const fn = lw.b.finish(
    {
      name: info.name,
      returnType: rt ? lw.irT(rt) : null,
      returnSourceType: rt ? typeText(rt) : 'void',
      returnVar: retVar,
      span: lw.span(def),
      observables: lw.mem.observables([...lw.b.params, ...lw.b.locals]),
      literals: [...lw.literals].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    },
    entry,
    ret,
  );
  return { fn, notes: lw.notes };
}

/**
 * An entry parameter. An integer is an input (an IR parameter). A pointer
 * is NULL or the start of its own fresh block of any number of elements with
 * arbitrary contents: two inputs, `p#null` and `p#count`. A struct, or a
 * parameter whose address is taken, is an object with arbitrary contents.
 */
function entryParam(
  lw: Lowerer,
  info: FunctionInfo,
  p: FunctionInfo['params'][number],
  i: number,
  scope: Scope,
  addressTaken: ReadonlySet<string>,
  body: SyntaxNode,
): void {
  const pname = p.name ?? `$arg${i + 1}`;
  const span = lw.span(p.node);
  const m = lw.mem;
  if (info.name === 'main' && i === 1 && p.name !== null && namesIn(body).reads.has(p.name))
    lw.unsupported(p.node, `main's argument vector ${p.name}`);
  if (p.type.kind === 'int' && !addressTaken.has(pname)) {
    const t = p.type;
    const name = lw.b.fresh(pname);
    lw.b.addVar({ name, type: lw.irT(t), sourceName: pname, sourceType: t.name, span }, true);
    scope.set(pname, { kind: 'var', name, type: t });
    if (info.name === 'main' && i === 0)
      lw.b.emit(
        { kind: 'assume', cond: compare('ge', variable(name, lw.irT(t)), constant(lw.irT(t), 1n)) },
        span,
      );
    return;
  }
  if (p.type.kind === 'ptr' && !addressTaken.has(pname)) {
    lw.needMemory(p.node);
    const isNull = lw.b.fresh(`${pname}#null`);
    lw.b.addVar(
      { name: isNull, type: boolType, sourceName: `${pname} == NULL`, sourceType: '_Bool', span },
      true,
    );
    const count = lw.b.fresh(`${pname}#count`);
    lw.b.addVar(
      { name: count, type: m.ptrT, sourceName: `elements at ${pname}`, sourceType: 'size_t', span },
      true,
    );
    const elem = p.type.to;
    const l =
      elem.kind === 'void' || elem.kind === 'func' ? { size: 1 } : layoutOf(elem, lw.prog.model);
    const size = BigInt(l?.size ?? 1);
    const local = lw.b.variable(pname, m.ptrT, pname, typeText(p.type), span);
    lw.noteCells(local, p.type);
    scope.set(pname, { kind: 'var', name: local, type: p.type });
    const n = variable(count, m.ptrT);
    // Blocks stay below half the offset range, so that `count × size` is exact.
    const limit = (1n << BigInt(m.offBits - 1)) / size;
    lw.b.emit({ kind: 'assume', cond: compare('le', n, constant(m.ptrT, limit)) }, span);
    const from = lw.b.here();
    const none = lw.b.newNode();
    const some = lw.b.newNode();
    const join = lw.b.newNode();
    lw.b.edge(from, none, { kind: 'assume', cond: variable(isNull, boolType) }, span);
    lw.b.edge(from, some, { kind: 'assume', cond: not(variable(isNull, boolType)) }, span);
    lw.b.cur = none;
    lw.b.emit({ kind: 'assign', target: local, value: constant(m.ptrT, 0n) }, span);
    lw.b.jump(join);
    lw.b.cur = some;
    const obj = m.allocate(
      ObjState.heap,
      binary('mul', n, constant(m.ptrT, size)),
      span,
      `*${pname}`,
      typeText(elem),
    );
    lw.b.emit({ kind: 'assign', target: local, value: variable(obj, m.ptrT) }, span);
    lw.b.jump(join);
    lw.b.cur = join;
    return;
  }
  if (p.type.kind === 'unsupported') lw.unsupported(p.node, `${p.type.what} (parameter ${pname})`);
  // In memory: a struct, or a scalar whose address is taken.
  lw.needMemory(p.node);
  const loc = lw.stackObject(p.type, p.node, pname);
  if (isScalarC(p.type)) {
    const t = p.type;
    const name = lw.b.fresh(pname);
    lw.b.addVar({ name, type: lw.irT(t), sourceName: pname, sourceType: typeText(t), span }, true);
    lw.writeRaw(loc.addr, t, variable(name, lw.irT(t)), span);
  }
  scope.set(pname, { kind: 'mem', addr: loc.addr, type: p.type });
}

function returnEdge(
  lw: Lowerer,
  frame: Frame,
  ret: number,
  returnsTrue: boolean,
  def: FunctionInfo['definition'] & object,
): void {
  lw.b.cur = frame.exit;
  if (returnsTrue) {
    if (frame.retVar === null || frame.returnType.kind !== 'int')
      lw.fail(
        lw.field(def, 'declarator'),
        `${frame.name} returns void: it cannot return true`,
        'type-error',
      );
    const ok = lw.cond({
      e: variable(frame.retVar, lw.irT(frame.returnType)),
      t: frame.returnType,
    });
    const declarator = lw.field(def, 'declarator');
    lw.check(
      'returns-true',
      declarator,
      def.startIndex,
      0,
      ok,
      `${frame.name} returns a non-zero (true) value`,
    );
  }
  lw.b.jump(ret);
}

/**
 * The entry's prologue: memory's initial state (static objects included),
 * then every global the code uses: with its initialiser (zero without one)
 * when the entry is `main` or the global is `const`, else arbitrary.
 */
function initialiseGlobals(lw: Lowerer, entry: number, bodyStart: number): void {
  lw.b.cur = entry;
  lw.scope = new Scope(null);
  const frame = lw.frame;
  lw.frame = { ...frame, name: frame.name, objects: [[]] };
  // Initialisers may use more memory (string literals, other globals): lower them first.
  const inits = lw.b.newNode();
  const memStart = lw.b.here();
  lw.b.cur = inits;
  const done = new Set<string>();
  let progress = true;
  while (progress) {
    progress = false;
    for (const [name, g] of [...lw.globals]) {
      if (done.has(name)) continue;
      done.add(name);
      progress = true;
      if (!lw.settings.globalsInitialised && !g.info.isConst) continue;
      const init = g.info.init;
      const value = init
        ? lw.conv(
            lw.fullValue(init.type === 'initializer_list' ? (init.namedChildren[0] ?? init) : init),
            g.type,
          )
        : constant(lw.irT(g.type), 0n);
      lw.b.emit({ kind: 'assign', target: g.name, value }, lw.span(g.info.node));
    }
    for (const [name, g] of [...lw.memGlobals]) {
      if (done.has(`mem:${name}`)) continue;
      done.add(`mem:${name}`);
      progress = true;
      if (!lw.settings.globalsInitialised && !g.info.isConst) continue;
      const loc = { addr: lw.mem.ptrConst(g.id, 0), type: g.type, what: name };
      const size = layoutOf(g.type, lw.prog.model)?.size ?? 0;
      const init = g.info.init;
      if (init) lw.initialize(loc, init, true);
      else lw.zero(loc.addr, size, g.info.node);
    }
  }
  const end = lw.b.here();
  lw.b.cur = memStart;
  lw.mem.emitInitial(undefined);
  lw.b.jump(inits);
  lw.b.cur = end;
  lw.b.jump(bodyStart);
  lw.frame = frame;
}

function expandGlobalHavocs(lw: Lowerer): void {
  for (const h of lw.globalHavocs) {
    lw.b.cur = h.from;
    for (const g of lw.globals.values())
      lw.b.emit({ kind: 'havoc', target: g.name, source: h.source }, h.span);
    // The function may write any memory it can reach: every byte becomes arbitrary.
    if (lw.mem.used)
      lw.b.emit({ kind: 'havoc', target: lw.mem.vars.mem, source: h.source }, h.span);
    lw.b.jump(h.to);
  }
}

/** Globals a call may read or write, for the evaluation-order check. */
function calleeEffects(
  prog: ProgramInfo,
  models: ProgramInfo | null,
  undefinedPure: boolean,
): (name: string) => Effects | null {
  const cache = new Map<string, Effects>();
  const allGlobals = (): Effects => ({
    reads: new Set([...prog.globals.keys(), MEMORY]),
    writes: new Set([...prog.globals.keys(), MEMORY]),
  });
  const compute = (name: string, visiting: Set<string>): Effects | null => {
    if ((isConventionName(name) && !MEMORY_BUILTINS.has(name)) || name === 'assert') return null;
    const user = prog.functions.get(name);
    const info = user?.definition ? user : (models?.functions.get(name) ?? user);
    if (MEMORY_BUILTINS.has(name)) return { reads: new Set([MEMORY]), writes: new Set([MEMORY]) };
    if (!info?.definition) {
      // Without a body: `nondet_*()` (and, with --undefined-functions-pure, any function
      // outside the C library) only returns a value; others may change every global.
      const nondet =
        name.startsWith('nondet_') && (info === undefined || isScalarC(info.returnType));
      const pure = nondet || (undefinedPure && !STANDARD_LIBRARY.has(name));
      return pure ? { reads: new Set(), writes: new Set() } : allGlobals();
    }
    const hit = cache.get(name);
    if (hit) return hit;
    if (visiting.has(name)) return { reads: new Set(), writes: new Set() };
    visiting.add(name);
    const body = namesIn(info.definition);
    const e: Effects = { reads: new Set(), writes: new Set() };
    for (const r of body.reads) {
      if (prog.globals.has(r)) e.reads.add(r);
      if (prog.functions.has(r) && r !== name) {
        const inner = compute(r, visiting);
        for (const x of inner?.reads ?? []) e.reads.add(x);
        for (const x of inner?.writes ?? []) e.writes.add(x);
      }
    }
    for (const w of body.writes) if (prog.globals.has(w) || w === MEMORY) e.writes.add(w);
    if (body.reads.has(MEMORY)) e.reads.add(MEMORY);
    cache.set(name, e);
    return e;
  };
  return (name) => compute(name, new Set());
}
