/**
 * Calls in arc's Python subset: the builtins it models (`isinstance(x, int)`,
 * `print`, and abs, min, max, pow, int, bool on integers, builtins.ts) unless
 * the module or the function rebinds their name, and functions defined in the
 * file, inlined with their own frame.
 *
 * Guarantees: arguments are evaluated left to right before the call;
 * recursion is reported (`recursion`), never unrolled; a wrong number of
 * arguments is a `type-error` (TypeError); a callee that may return None
 * where its result is used, and any other call, is outside the subset.
 * checkDef and paramNames are shared with the entry function (entry.ts).
 */
import { diagnostic } from '../../core/diagnostic.js';
import { boolType, constant, intType, trueExpr, variable } from '../../ir/ir.js';
import { absExpr, extremumExpr } from './builtins.js';
import { toInt, truthy, type PyLowerer, type Val } from './lower.js';
import type { SyntaxNode } from './parser.js';
import { lowerBody } from './stmt.js';
import { assignedNames, named, returnsValue, type PyFunctionInfo } from './syntax.js';

/** Builtins on integers the subset models (besides isinstance, print and range). */
const INT_BUILTINS: ReadonlySet<string> = new Set(['abs', 'min', 'max', 'pow', 'int', 'bool']);
const BUILTIN_LIST = 'abs, min, max, pow, int, bool, isinstance, range and print';

/** A call; null when it has no value (a function returning None, print). */
export function lowerCall(lw: PyLowerer, n: SyntaxNode, wantValue: boolean): Val | null {
  const fnNode = lw.field(n, 'function');
  const argList = lw.field(n, 'arguments');
  if (fnNode.type !== 'identifier')
    return lw.unsupported(fnNode, 'calls of anything but a named function');
  const args = named(argList);
  for (const a of args)
    if (a.type === 'keyword_argument' || a.type.includes('splat'))
      lw.unsupported(a, 'keyword and unpacked arguments');
  if (argList.type !== 'argument_list') lw.unsupported(argList, 'generator arguments');
  const name = fnNode.text;
  if (name === 'isinstance' && lw.builtin('isinstance')) {
    const [x, t] = args;
    if (args.length !== 2 || t.type !== 'identifier' || t.text !== 'int' || !lw.builtin('int'))
      return lw.unsupported(n, 'isinstance other than isinstance(x, int)');
    lw.value(x);
    // Every value of the subset is an int (bool is an int subclass).
    return { e: trueExpr, bool: true };
  }
  if (name === 'print' && lw.builtin('print') && !wantValue) {
    for (const a of args)
      if (!(a.type === 'string' && !named(a).some((c) => c.type === 'interpolation'))) lw.value(a);
    lw.notes.push(
      diagnostic(
        'ignored-call',
        'note',
        'print() output is ignored (its arguments are evaluated)',
        lw.span(n),
      ),
    );
    return null;
  }
  if (INT_BUILTINS.has(name) && lw.builtin(name)) return intBuiltin(lw, name, args, n);
  const info = lw.mod.functions.get(name);
  if (info === undefined || lw.frame.vars.has(name) || lw.mod.bound.has(name))
    return lw.fail(
      fnNode,
      `the call of ${name}: only functions defined in the file and the builtins ${BUILTIN_LIST} are supported by arc's Python subset`,
    );
  const vals = args.map((a) => lw.value(a));
  return inline(lw, info, vals, n, wantValue);
}

/** `abs`, `min`, `max`, `pow`, `int`, `bool` on integers (arguments evaluated left to right). */
function intBuiltin(lw: PyLowerer, name: string, args: SyntaxNode[], n: SyntaxNode): Val {
  const arity = (ok: boolean, expected: string): void => {
    if (!ok)
      lw.fail(
        n,
        `${name}() takes ${expected} argument(s) but ${args.length} were given (TypeError)`,
        'type-error',
      );
  };
  const vals = args.map((a) => lw.value(a));
  const temps = lw.temps(n);
  switch (name) {
    case 'abs':
      arity(vals.length === 1, 'exactly 1');
      return { e: absExpr(toInt(vals[0]), temps), bool: false };
    case 'min':
    case 'max':
      // min(x) of one argument iterates over x: not an integer operation.
      if (vals.length < 2) lw.unsupported(n, `${name}() of fewer than two integers`);
      return { e: extremumExpr(name, vals.map(toInt), temps), bool: false };
    case 'pow':
      if (vals.length === 3) lw.unsupported(n, 'pow() with a modulus');
      arity(vals.length === 2, '2');
      return { e: lw.power(vals[0], vals[1], n), bool: false };
    case 'int':
      // int() is 0; int(x, base) and int of a string are outside the subset.
      if (vals.length > 1) lw.unsupported(n, 'int() of anything but one integer');
      return { e: vals.length === 0 ? constant(intType, 0n) : toInt(vals[0]), bool: false };
    default:
      arity(vals.length <= 1, 'at most 1');
      return vals.length === 0
        ? { e: constant(boolType, 0n), bool: true }
        : { e: truthy(vals[0]), bool: true };
  }
}

/** Inlines the callee `info` on the values `args`, in a frame of its own. */
function inline(
  lw: PyLowerer,
  info: PyFunctionInfo,
  args: Val[],
  call: SyntaxNode,
  wantValue: boolean,
): Val | null {
  if (lw.callStack.includes(info.name))
    lw.fail(call, `recursive call of ${info.name} (recursion is not supported)`, 'recursion');
  checkDef(lw, info);
  const params = paramNames(lw, info.node);
  if (params.length !== args.length)
    lw.fail(
      call,
      `${info.name} takes ${params.length} argument(s) but ${args.length} were given (TypeError)`,
      'type-error',
    );
  const body = lw.field(info.node, 'body');
  const valued = returnsValue(body);
  if (wantValue && !valued)
    lw.fail(call, `${info.name} returns None; using its result is not supported`);
  const vars = new Map<string, string>();
  const span = lw.span(call);
  const saved = { frame: lw.frame, da: lw.da };
  params.forEach((p, i) => {
    const name = lw.b.variable(`${info.name}::${p.text}`, intType, p.text, 'int', lw.span(p));
    vars.set(p.text, name);
    lw.b.emit({ kind: 'assign', target: name, value: toInt(args[i]) }, span);
  });
  for (const x of assignedNames(body, new Set()))
    if (!vars.has(x)) vars.set(x, lw.b.variable(`${info.name}::${x}`, intType, x, 'int'));
  const retVar = valued
    ? lw.b.variable(`${info.name}::$ret`, intType, `${info.name}()`, 'int')
    : null;
  const paramSet = new Set(params.map((p) => p.text));
  lw.frame = {
    name: info.name,
    params: paramSet,
    vars,
    retVar,
    exit: lw.b.newNode(),
    loops: [],
  };
  lw.da = new Set(paramSet);
  lw.callStack.push(info.name);
  lowerBody(lw, info, body);
  lw.callStack.pop();
  lw.b.cur = lw.frame.exit;
  lw.frame = saved.frame;
  lw.da = saved.da;
  return retVar === null ? null : { e: variable(retVar, intType), bool: false };
}

/** A def the subset can lower: not decorated, defined once, not async. */
export function checkDef(lw: PyLowerer, info: PyFunctionInfo): void {
  const def = info.node;
  if (info.decorated) lw.unsupported(def, 'decorated functions');
  if (info.duplicate) lw.fail(def, `${info.name} is defined more than once`);
  if (def.children.some((c) => c?.type === 'async')) lw.unsupported(def, 'async functions');
}

/** The parameters of `def`: plain positional names (hinted or not), no duplicates. */
export function paramNames(lw: PyLowerer, def: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (const p of named(lw.field(def, 'parameters'))) {
    let id: SyntaxNode | undefined = p;
    if (p.type === 'typed_parameter') id = named(p).find((c) => c.type === 'identifier');
    if (id?.type !== 'identifier') lw.unsupported(p, 'parameters other than plain positional ones');
    if (out.some((o) => o.text === id.text))
      lw.fail(id, `duplicate parameter ${id.text}`, 'syntax-error');
    out.push(id);
  }
  return out;
}
