/**
 * Lowers one Python function (callees defined in the file inlined) to an
 * IrFunction: the entry function's parameters and its result.
 *
 * Parameters of the entry function are arbitrary integers (hinted `int`,
 * asserted `isinstance(x, int)`, or unhinted, which a warning notes), or the
 * int 0 or 1 when hinted `bool` (an assumption on the path from the entry);
 * so `isinstance(e, int)` is true for every expression `e` of the subset, and
 * `assert isinstance(p, int)` on parameters is an assumption, not a property.
 * Any other hint is outside the subset. With `returnsTrue`, the result must
 * be truthy at the exit (a function that returns None fails it). Every node
 * of the result has a span.
 *
 * Throws LowerError for anything it cannot model; index.ts turns it into a
 * diagnostic.
 */
import { diagnostic, type Diagnostic } from '../../core/diagnostic.js';
import { boolType, constant, intType, variable, type Expr, type IrFunction } from '../../ir/ir.js';
import { checkDef, lowerCall, paramNames } from './calls.js';
import { PyLowerer, truthy } from './lower.js';
import type { SyntaxNode } from './parser.js';
import { lowerBody } from './stmt.js';
import {
  assignedNames,
  named,
  returnsValue,
  shortText,
  type ModuleInfo,
  type PyFunctionInfo,
} from './syntax.js';

/**
 * Lowers `info` as the analysed function, with the functions it calls
 * inlined; `returnsTrue` adds the `returns-true` property.
 */
export function lowerFunction(
  mod: ModuleInfo,
  info: PyFunctionInfo,
  returnsTrue: boolean,
): { fn: IrFunction; notes: Diagnostic[] } {
  const lw = new PyLowerer(mod, lowerCall);
  const def = info.node;
  checkDef(lw, info);
  const entry = lw.b.here();
  const params = paramNames(lw, def);
  const hints = params.map((p) => paramHint(lw, p));
  const vars = entryParams(lw, params, hints);
  const body = lw.field(def, 'body');
  for (const x of assignedNames(body, new Set()))
    if (!vars.has(x)) vars.set(x, lw.b.variable(x, intType, x, 'int'));
  const valued = returnsValue(body);
  const retVar = valued ? lw.b.variable('$ret', intType, `${info.name}()`, 'int') : null;
  const ret = lw.b.newNode('return', lw.span(def));
  const paramSet = new Set(params.map((p) => p.text));
  const exit = lw.b.newNode();
  lw.frame = { name: info.name, params: paramSet, vars, retVar, exit, loops: [] };
  lw.entryFrame = lw.frame;
  lw.da = new Set(paramSet);
  lw.callStack.push(info.name);
  lowerBody(lw, info, body);
  lw.b.cur = lw.frame.exit;
  params.forEach((p, i) => {
    if (hints[i] !== null || lw.assertedInt.has(p.text)) return;
    const why = `the parameter ${p.text} has no type hint: arc takes it to be an int (write ${p.text}: int or assert isinstance(${p.text}, int) to say so)`;
    lw.notes.push(diagnostic('note', 'warning', why, lw.span(p)));
  });
  if (returnsTrue) returnsTrueCheck(lw, info, retVar);
  lw.b.jump(ret, lw.span(def));
  const header = {
    name: info.name,
    returnType: valued ? intType : null,
    returnSourceType: valued ? 'int' : 'None',
    returnVar: retVar,
    span: lw.span(def),
  };
  return { fn: withNodeSpans(lw.b.finish(header, entry, ret)), notes: lw.notes };
}

/** The entry's parameters as IR parameters; one hinted `bool` is assumed to be 0 or 1. */
function entryParams(
  lw: PyLowerer,
  params: readonly SyntaxNode[],
  hints: readonly ('int' | 'bool' | null)[],
): Map<string, string> {
  const vars = new Map<string, string>();
  params.forEach((p, i) => {
    const name = lw.b.fresh(p.text);
    const sourceType = hints[i] ?? 'int';
    const span = lw.span(p);
    lw.b.addVar({ name, type: intType, sourceName: p.text, sourceType, span }, true);
    vars.set(p.text, name);
  });
  params.forEach((p, i) => {
    const x = vars.get(p.text);
    if (hints[i] !== 'bool' || x === undefined) return;
    const v = variable(x, intType);
    const cond: Expr = {
      kind: 'binary',
      type: boolType,
      op: 'and',
      left: { kind: 'compare', type: boolType, op: 'le', left: constant(intType, 0n), right: v },
      right: { kind: 'compare', type: boolType, op: 'le', left: v, right: constant(intType, 1n) },
    };
    lw.b.emit({ kind: 'assume', cond }, lw.span(p));
  });
  return vars;
}

/** The `returns-true` property at the function's exit: its result is truthy (None is not). */
function returnsTrueCheck(lw: PyLowerer, info: PyFunctionInfo, retVar: string | null): void {
  const def = info.node;
  const ok =
    retVar === null
      ? constant(boolType, 0n)
      : truthy({ e: variable(retVar, intType), bool: false });
  const what =
    retVar === null
      ? `${info.name} returns a truthy value (it returns None, which is falsy)`
      : `${info.name} returns a truthy value (not 0 or False)`;
  lw.check('returns-true', lw.field(def, 'name'), def.startIndex, ok, what);
}

/**
 * The type hint of an entry parameter: `int`, `bool` (the int 0 or 1), or
 * null when there is none. Any other hint is outside the subset.
 */
function paramHint(lw: PyLowerer, id: SyntaxNode): 'int' | 'bool' | null {
  const typed = id.parent;
  if (typed?.type !== 'typed_parameter') return null;
  const hint = typed.childForFieldName('type');
  if (hint === null) return null;
  const t = named(hint)[0] ?? hint;
  const name = t.type === 'identifier' ? t.text : '';
  if ((name === 'int' || name === 'bool') && lw.moduleBuiltin(name)) return name;
  return lw.unsupported(
    hint,
    `the parameter type ${shortText(hint)} (parameters must be int or bool)`,
  );
}

/** Gives every node a span: that of its first outgoing edge, else first incoming, else the function's. */
function withNodeSpans(fn: IrFunction): IrFunction {
  const nodes = fn.nodes.map((node) => {
    if (node.span) return node;
    const e =
      fn.edges.find((x) => x.from === node.id && x.span) ??
      fn.edges.find((x) => x.to === node.id && x.span);
    return { ...node, span: e?.span ?? fn.span };
  });
  return { ...fn, nodes };
}
