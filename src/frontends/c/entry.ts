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
import { constant, variable, type IrFunction } from '../../ir/ir.js';
import { isConventionName, lowerCall } from './calls.js';
import { namesIn, type Effects } from './effects.js';
import { Lowerer, Scope, type Frame } from './lower.js';
import type { FunctionInfo, ProgramInfo } from './program.js';
import type { SourceMap } from './srcmap.js';
import { lowerFunctionBody } from './stmt.js';

export interface EntryOptions {
  readonly math: boolean;
  readonly returnsTrue: boolean;
  readonly recursionDepth?: number;
}

export function lowerFunction(
  prog: ProgramInfo,
  sm: SourceMap,
  info: FunctionInfo,
  options: EntryOptions,
): { fn: IrFunction; notes: Diagnostic[] } {
  const settings = {
    math: options.math,
    globalsInitialised: info.name === 'main',
    calleeEffects: calleeEffects(prog),
    ...(options.recursionDepth !== undefined ? { recursionDepth: options.recursionDepth } : {}),
  };
  const lw = new Lowerer(prog, sm, settings, lowerCall);
  const def = info.definition;
  if (!def) throw new Error(`lowerFunction: ${info.name} has no definition`);
  const entry = lw.b.here();
  const bodyStart = lw.b.newNode();
  const scope = new Scope(null);
  info.params.forEach((p, i) => {
    const t = lw.intType(p.type, p.node);
    const pname = p.name ?? `$arg${i + 1}`;
    const name = lw.b.fresh(pname);
    lw.b.addVar(
      { name, type: lw.irT(t), sourceName: pname, sourceType: t.name, span: lw.span(p.node) },
      true,
    );
    scope.set(pname, { kind: 'var', name, type: t });
  });
  const rt =
    info.returnType.kind === 'void'
      ? null
      : lw.intType(info.returnType, lw.field(def, 'declarator'));
  const retVar = rt ? lw.b.variable('$ret', lw.irT(rt), `${info.name}()`, rt.name) : null;
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
  };
  lw.frame = frame;
  lw.scope = scope;
  lw.b.cur = bodyStart;
  lw.callStack.push(info.name);
  lowerFunctionBody(lw, lw.field(def, 'body'));
  returnEdge(lw, frame, ret, options.returnsTrue, def);
  initialiseGlobals(lw, entry, bodyStart);
  expandGlobalHavocs(lw);
  const fn = lw.b.finish(
    {
      name: info.name,
      returnType: rt ? lw.irT(rt) : null,
      returnSourceType: rt ? rt.name : 'void',
      returnVar: retVar,
      span: lw.span(def),
    },
    entry,
    ret,
  );
  return { fn, notes: lw.notes };
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

function initialiseGlobals(lw: Lowerer, entry: number, bodyStart: number): void {
  lw.b.cur = entry;
  lw.scope = new Scope(null);
  if (lw.settings.globalsInitialised) {
    const done = new Set<string>();
    for (const [name, g] of lw.globals) {
      if (done.has(name)) continue;
      done.add(name);
      const init = g.info.init;
      const value = init ? lw.conv(lw.fullValue(init), g.type) : constant(lw.irT(g.type), 0n);
      lw.b.emit({ kind: 'assign', target: g.name, value }, lw.span(g.info.node));
    }
  }
  lw.b.jump(bodyStart);
}

function expandGlobalHavocs(lw: Lowerer): void {
  for (const h of lw.globalHavocs) {
    lw.b.cur = h.from;
    for (const g of lw.globals.values())
      lw.b.emit({ kind: 'havoc', target: g.name, source: h.source }, h.span);
    lw.b.jump(h.to);
  }
}

/** Globals a call may read or write, for the evaluation-order check. */
function calleeEffects(prog: ProgramInfo): (name: string) => Effects | null {
  const cache = new Map<string, Effects>();
  const allGlobals = (): Effects => ({
    reads: new Set(prog.globals.keys()),
    writes: new Set(prog.globals.keys()),
  });
  const compute = (name: string, visiting: Set<string>): Effects | null => {
    if (isConventionName(name) || name === 'assert') return null;
    const info = prog.functions.get(name);
    if (!info?.definition) return allGlobals();
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
    for (const w of body.writes) if (prog.globals.has(w)) e.writes.add(w);
    cache.set(name, e);
    return e;
  };
  return (name) => compute(name, new Set());
}
