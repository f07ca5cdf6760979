/**
 * Lowering of Python statements to control flow: blocks, assignments and
 * augmented assignments to local names, if/elif/else, while, `for` over
 * `range(...)`, break/continue, return, assert, expression statements.
 *
 * Guarantees: the names definitely assigned are tracked along every path
 * (`lw.da`: joined by intersection where paths meet), so that a read of a
 * name that may be unassigned is refused (PyLowerer.name); a function whose
 * end is reachable returns None, which is refused when it also returns a
 * value; `assert` is an `assertion` property, except `assert isinstance(x,
 * int)` on the entry's parameters, which states their type; `range(a, b,
 * 0)` is an `error-call` property (ValueError). Every other statement is
 * outside the subset (`unsupported`).
 */
import { boolType, constant, intType, variable, type Expr } from '../../ir/ir.js';
import { ARITH, truthy, toInt, type Loop, type PyLowerer } from './lower.js';
import type { SyntaxNode } from './parser.js';
import { named, shortText, type PyFunctionInfo } from './syntax.js';

/** The body of the current frame, ending at its exit. */
export function lowerBody(lw: PyLowerer, info: PyFunctionInfo, body: SyntaxNode): void {
  block(lw, body);
  if (lw.b.cur !== null && lw.frame.retVar !== null)
    lw.fail(
      info.node,
      `${info.name} may reach its end and return None; mixing None and integer results is not supported`,
    );
  lw.b.jump(lw.frame.exit, lw.span(body));
}

function block(lw: PyLowerer, n: SyntaxNode): void {
  for (const s of named(n)) statement(lw, s);
}

function statement(lw: PyLowerer, n: SyntaxNode): void {
  switch (n.type) {
    case 'block':
      return block(lw, n);
    case 'expression_statement':
      return exprStmt(lw, n);
    case 'pass_statement':
      return;
    case 'if_statement':
      return ifStmt(lw, n);
    case 'while_statement':
      return whileStmt(lw, n);
    case 'for_statement':
      return forStmt(lw, n);
    case 'break_statement':
    case 'continue_statement': {
      const loop = lw.frame.loops[lw.frame.loops.length - 1];
      const kw = n.type === 'break_statement' ? 'break' : 'continue';
      if (loop === undefined) lw.fail(n, `syntax error: '${kw}' outside loop`, 'syntax-error');
      if (kw === 'break') loop.breakStates.push(lw.da);
      lw.b.jump(kw === 'break' ? loop.brk : loop.cont, lw.span(n));
      return lw.dead();
    }
    case 'return_statement':
      return returnStmt(lw, n);
    case 'assert_statement': {
      const cond = named(n)[0];
      if (cond === undefined) lw.fail(n, 'syntax error: assert without condition', 'syntax-error');
      const declared = isinstanceConjuncts(lw, cond);
      if (lw.frame === lw.entryFrame) for (const x of declared.params) lw.assertedInt.add(x);
      // `assert isinstance(x, int)` on parameters states their type: an assumption, not a check.
      if (declared.only) return;
      const v = lw.value(cond);
      lw.check('assertion', n, n.startIndex, truthy(v), `the assertion ${shortText(cond)} holds`);
      return;
    }
    default:
      return lw.unsupported(n);
  }
}

/**
 * The parameters `x` of the `isinstance(x, int)` conjuncts of an assert's
 * condition, and whether the condition is nothing but such conjuncts.
 */
function isinstanceConjuncts(lw: PyLowerer, n: SyntaxNode): { params: string[]; only: boolean } {
  if (n.type === 'parenthesized_expression') {
    const parts = named(n);
    return parts.length === 1 ? isinstanceConjuncts(lw, parts[0]) : { params: [], only: false };
  }
  if (n.type === 'boolean_operator' && lw.field(n, 'operator').text === 'and') {
    const l = isinstanceConjuncts(lw, lw.field(n, 'left'));
    const r = isinstanceConjuncts(lw, lw.field(n, 'right'));
    return { params: [...l.params, ...r.params], only: l.only && r.only };
  }
  if (n.type !== 'call') return { params: [], only: false };
  const fnNode = n.childForFieldName('function');
  const args = named(lw.field(n, 'arguments'));
  const [x, t] = args;
  const isInt =
    fnNode?.text === 'isinstance' &&
    lw.builtin('isinstance') &&
    args.length === 2 &&
    x.type === 'identifier' &&
    lw.frame.params.has(x.text) &&
    t.type === 'identifier' &&
    t.text === 'int' &&
    lw.builtin('int');
  return isInt ? { params: [x.text], only: true } : { params: [], only: false };
}

function exprStmt(lw: PyLowerer, n: SyntaxNode): void {
  const parts = named(n);
  if (parts.length !== 1) return lw.unsupported(n, 'tuples');
  const e = parts[0];
  if (e.type === 'assignment') return assign(lw, e);
  if (e.type === 'augmented_assignment') return augAssign(lw, e);
  if (e.type === 'string' && !named(e).some((c) => c.type === 'interpolation')) return;
  if (e.type === 'call') {
    lw.call(e, false);
    return;
  }
  lw.value(e);
}

/** The IR variable of the local that `left` (a simple name) assigns. */
function local(lw: PyLowerer, left: SyntaxNode): string {
  if (left.type !== 'identifier') lw.unsupported(left, 'assignments to anything but a simple name');
  const v = lw.frame.vars.get(left.text);
  if (v === undefined) return lw.fail(left, `internal: ${left.text} is not a local`);
  return v;
}

function assign(lw: PyLowerer, n: SyntaxNode): void {
  const left = lw.field(n, 'left');
  const target = local(lw, left);
  const right = n.childForFieldName('right');
  if (right === null) return; // an annotation without a value binds nothing
  if (right.type === 'assignment') lw.unsupported(right, 'chained assignments');
  const v = lw.value(right);
  lw.b.emit({ kind: 'assign', target, value: toInt(v) }, lw.span(n));
  lw.da?.add(left.text);
}

function augAssign(lw: PyLowerer, n: SyntaxNode): void {
  const left = lw.field(n, 'left');
  const target = local(lw, left);
  const opText = lw.field(n, 'operator').text.slice(0, -1);
  const op = ARITH[opText];
  if (op === undefined && opText !== '**') lw.unsupported(n, `the operator ${opText}=`);
  const cur = lw.name(left);
  const rhs = lw.value(lw.field(n, 'right'));
  const value = op === undefined ? lw.power(cur, rhs, n) : lw.arith(op, cur, rhs, n);
  lw.b.emit({ kind: 'assign', target, value }, lw.span(n));
}

function returnStmt(lw: PyLowerer, n: SyntaxNode): void {
  const parts = named(n);
  const f = lw.frame;
  if (parts.length > 1) lw.unsupported(n, 'tuples');
  if (parts.length === 1) {
    const v = lw.value(parts[0]);
    if (f.retVar === null) return lw.fail(n, 'internal: value return in a void frame');
    lw.b.emit({ kind: 'assign', target: f.retVar, value: toInt(v) }, lw.span(n));
  } else if (f.retVar !== null) {
    lw.fail(
      n,
      `${f.name} returns None here and an integer elsewhere; mixing them is not supported`,
    );
  }
  lw.b.jump(f.exit, lw.span(n));
  lw.dead();
}

function ifStmt(lw: PyLowerer, n: SyntaxNode): void {
  const entryDa = lw.da;
  const end = lw.b.newNode();
  const ends: (Set<string> | null)[] = [];
  let reached = false;
  const arm = (body: SyntaxNode): void => {
    statement(lw, body);
    if (lw.b.cur !== null) {
      reached = true;
      ends.push(lw.da);
    }
    lw.b.jump(end, lw.span(body));
  };
  const clauses: [SyntaxNode, SyntaxNode][] = [
    [lw.field(n, 'condition'), lw.field(n, 'consequence')],
  ];
  let elseBody: SyntaxNode | null = null;
  for (const alt of n.childrenForFieldName('alternative')) {
    if (alt === null) continue;
    if (alt.type === 'elif_clause')
      clauses.push([lw.field(alt, 'condition'), lw.field(alt, 'consequence')]);
    else elseBody = lw.field(alt, 'body');
  }
  for (const [c, body] of clauses) {
    const t = lw.b.newNode();
    const f = lw.b.newNode();
    lw.cond(c, t, f);
    const before = lw.da;
    lw.b.cur = t;
    lw.da = before === null ? null : new Set(before);
    arm(body);
    lw.b.cur = f;
    lw.da = before;
  }
  if (elseBody !== null) arm(elseBody);
  else {
    reached = true;
    ends.push(lw.da);
    lw.b.jump(end, lw.span(n));
  }
  if (reached) {
    lw.b.cur = end;
    lw.da = entryDa === null ? null : (intersect(ends) ?? new Set());
  } else lw.dead();
}

function whileStmt(lw: PyLowerer, n: SyntaxNode): void {
  if (n.childForFieldName('alternative') !== null) lw.unsupported(n, 'while ... else');
  const condNode = lw.field(n, 'condition');
  const head = lw.b.newNode();
  const exit = lw.b.newNode();
  const bodyStart = lw.b.newNode();
  const span = lw.span(n);
  lw.b.jump(head, span);
  lw.b.cur = head;
  const before = lw.da;
  const forever = isConstTrue(condNode);
  if (forever) lw.b.jump(bodyStart, span);
  else lw.cond(condNode, bodyStart, exit);
  const loop: Loop = { brk: exit, cont: head, breakStates: [] };
  lw.frame.loops.push(loop);
  lw.b.cur = bodyStart;
  lw.da = before === null ? null : new Set(before);
  statement(lw, lw.field(n, 'body'));
  lw.b.jump(head, span);
  lw.frame.loops.pop();
  if (!forever) {
    lw.b.cur = exit;
    lw.da = before;
  } else if (loop.breakStates.length > 0) {
    lw.b.cur = exit;
    lw.da = before === null ? null : (intersect(loop.breakStates) ?? new Set());
  } else lw.dead();
}

/**
 * `for i in range(...)`: the arguments are evaluated once, before the loop;
 * a hidden counter runs from start towards stop by step, and `i` gets its
 * value at the top of each iteration (assigning `i` in the body does not
 * change the iteration; after the loop `i` keeps its last value). A step of
 * 0 raises ValueError: an `error-call` property. A step whose sign is not
 * known is split into an ascending and a descending copy of the loop, so
 * that each copy has a linear ranking function.
 */
function forStmt(lw: PyLowerer, n: SyntaxNode): void {
  if (n.children.some((c) => c?.type === 'async')) lw.unsupported(n, 'async for loops');
  if (n.childForFieldName('alternative') !== null) lw.unsupported(n, 'for ... else');
  const left = lw.field(n, 'left');
  local(lw, left);
  const { start, stop, step } = rangeArguments(lw, lw.field(n, 'right'), left.text);
  const span = lw.span(n);
  const before = lw.da;
  const exit = lw.b.newNode();
  if (step.kind === 'const') rangeLoop(lw, n, { start, stop, step, up: step.value > 0n }, exit);
  else {
    const up = lw.b.newNode();
    const down = lw.b.newNode();
    const positive: Expr = {
      kind: 'compare',
      type: boolType,
      op: 'gt',
      left: step,
      right: constant(intType, 0n),
    };
    lw.branch(positive, up, down, span);
    lw.b.cur = up;
    rangeLoop(lw, n, { start, stop, step, up: true }, exit);
    lw.b.cur = down;
    lw.da = before;
    rangeLoop(lw, n, { start, stop, step, up: false }, exit);
  }
  lw.b.cur = exit;
  lw.da = before;
}

/** One copy of a range loop, counting up (`up`) or down; leaves the cursor dead, exits to `exit`. */
function rangeLoop(
  lw: PyLowerer,
  n: SyntaxNode,
  range: { start: Expr; stop: Expr; step: Expr; up: boolean },
  exit: number,
): void {
  const left = lw.field(n, 'left');
  const target = local(lw, left);
  const span = lw.span(n);
  const counter = lw.b.variable('$range', intType, `next(${left.text})`, 'int');
  lw.b.emit({ kind: 'assign', target: counter, value: range.start }, span);
  const k = variable(counter, intType);
  const head = lw.b.newNode();
  const bodyStart = lw.b.newNode();
  lw.b.jump(head, span);
  lw.b.cur = head;
  const before = lw.da;
  const more: Expr = {
    kind: 'compare',
    type: boolType,
    op: range.up ? 'lt' : 'gt',
    left: k,
    right: range.stop,
  };
  lw.branch(more, bodyStart, exit, span);
  lw.b.cur = bodyStart;
  lw.b.emit({ kind: 'assign', target, value: k }, lw.span(left));
  const next: Expr = { kind: 'binary', type: intType, op: 'add', left: k, right: range.step };
  lw.b.emit({ kind: 'assign', target: counter, value: next }, span);
  const loop: Loop = { brk: exit, cont: head, breakStates: [] };
  lw.frame.loops.push(loop);
  lw.da = before === null ? null : new Set([...before, left.text]);
  statement(lw, lw.field(n, 'body'));
  lw.b.jump(head, span);
  lw.frame.loops.pop();
  lw.b.cur = null;
}

/** `range(stop)`, `range(start, stop)`, `range(start, stop, step)`: evaluated once, in order. */
function rangeArguments(
  lw: PyLowerer,
  call: SyntaxNode,
  loopVar: string,
): { start: Expr; stop: Expr; step: Expr } {
  const fnNode = call.type === 'call' ? call.childForFieldName('function') : null;
  if (fnNode?.type !== 'identifier' || fnNode.text !== 'range' || !lw.builtin('range'))
    return lw.unsupported(call, 'for loops over anything but range(...)');
  const argList = lw.field(call, 'arguments');
  const args = named(argList);
  if (argList.type !== 'argument_list') lw.unsupported(argList, 'generator arguments');
  for (const a of args)
    if (a.type === 'keyword_argument' || a.type.includes('splat'))
      lw.unsupported(a, 'keyword and unpacked arguments');
  if (args.length < 1 || args.length > 3)
    lw.fail(call, `range expected 1 to 3 arguments, got ${args.length} (TypeError)`, 'type-error');
  const names = args.length === 1 ? ['stop'] : ['start', 'stop', 'step'];
  // The start only initialises the counter: no temporary needed.
  const vals = args.map((a, i) =>
    names[i] === 'start'
      ? toInt(lw.value(a))
      : lw.stable(toInt(lw.value(a)), lw.span(a), `${names[i]}(${loopVar})`),
  );
  const zero = constant(intType, 0n);
  const one = constant(intType, 1n);
  const start = args.length === 1 ? zero : vals[0];
  const stop = args.length === 1 ? vals[0] : vals[1];
  const step = args.length === 3 ? vals[2] : one;
  if (args.length === 3) {
    const ok: Expr =
      step.kind === 'const'
        ? constant(boolType, step.value !== 0n ? 1n : 0n)
        : { kind: 'compare', type: boolType, op: 'ne', left: step, right: zero };
    lw.check(
      'error-call',
      args[2],
      call.startIndex,
      ok,
      `${shortText(call)}: the step is not 0 (else ValueError)`,
    );
  }
  return { start, stop, step };
}

/** The names assigned on every one of the live paths that meet; null when none is live. */
function intersect(states: (Set<string> | null)[]): Set<string> | null {
  const live = states.filter((s): s is Set<string> => s !== null);
  if (live.length === 0) return null;
  return new Set([...live[0]].filter((x) => live.every((s) => s.has(x))));
}

/** Whether a loop condition is a constant true (`while True:`, `while 1:`). */
function isConstTrue(n: SyntaxNode): boolean {
  if (n.type === 'true') return true;
  if (n.type === 'parenthesized_expression') {
    const inner = named(n)[0];
    return inner !== undefined && isConstTrue(inner);
  }
  return n.type === 'integer' && /^[1-9][0-9_]*$/.test(n.text);
}
