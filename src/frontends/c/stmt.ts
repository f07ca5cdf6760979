/**
 * Lowering of C statements to control flow: blocks with scoping, local
 * declarations, if/else, while, do-while, for, switch with fall-through,
 * break/continue, return, goto and labels.
 *
 * Guarantees: an uninitialised local gets a `havoc` (source "uninitialised
 * x"); every statement kind arc cannot model is reported as `unsupported`
 * with its location; a `goto` to an undefined label is a `type-error`.
 */
import { diagnostic } from '../../core/diagnostic.js';
import { bvType, constant, variable, type Expr } from '../../ir/ir.js';
import { binary, cast, compare, isConst, not } from './fold.js';
import type { Lowerer } from './lower.js';
import { Scope } from './lower.js';
import type { SyntaxNode } from './parser.js';
import {
  functionDeclarator,
  initLength,
  objectIsConst,
  qualifiers,
  storageClasses,
} from './program.js';
import { isScalarC, promote, typeText, type CArray, type CType } from './ctypes.js';

/** Lowers a function body for the current frame, including the fall-off-the-end return. */
export function lowerFunctionBody(lw: Lowerer, body: SyntaxNode): void {
  lowerStatement(lw, body);
  const f = lw.frame;
  if (lw.b.cur !== null && f.isMain && lw.callStack.length === 1) {
    const close = body.lastChild ?? body;
    lw.leakChecks(close);
  }
  if (lw.b.cur !== null && f.retVar !== null && f.returnType.kind !== 'struct') {
    const span = lw.span(body);
    const rt = f.returnType;
    if (f.isMain && rt.kind === 'int')
      lw.b.emit({ kind: 'assign', target: f.retVar, value: constant(lw.irT(rt), 0n) }, span);
    else
      lw.b.emit(
        { kind: 'havoc', target: f.retVar, source: `no return value (end of ${f.name})` },
        span,
      );
  }
  lw.b.jump(f.exit);
  for (const [label, l] of f.labels)
    if (!l.defined) lw.fail(l.use, `label ${label} is used but not defined`, 'type-error');
}

function lowerStatement(lw: Lowerer, node: SyntaxNode): void {
  switch (node.type) {
    case 'compound_statement':
      return block(lw, node.namedChildren);
    case 'declaration':
      return declaration(lw, node);
    case 'expression_statement': {
      const e = node.namedChildren.find((c) => c.type !== 'comment');
      if (e) lw.full(e, false);
      return;
    }
    case 'if_statement':
      return ifStatement(lw, node);
    case 'while_statement':
      return whileStatement(lw, node);
    case 'do_statement':
      return doStatement(lw, node);
    case 'for_statement':
      return forStatement(lw, node);
    case 'return_statement':
      return returnStatement(lw, node);
    case 'break_statement':
      return jumpOut(lw, node, lw.frame.breaks, lw.frame.breakDepths, 'break');
    case 'continue_statement':
      return jumpOut(lw, node, lw.frame.conts, lw.frame.contDepths, 'continue');
    case 'switch_statement':
      return switchStatement(lw, node);
    case 'labeled_statement':
      return labeled(lw, node);
    case 'goto_statement':
      return gotoStatement(lw, node);
    case 'enum_specifier':
      lw.prog.baseType(node, []);
      return;
    case 'type_definition':
      lw.prog.typedef(node);
      return;
    case 'struct_specifier':
    case 'union_specifier':
      lw.prog.baseType(node, []);
      return;
    case 'comment':
      return;
    case 'case_statement':
      return lw.unsupported(node, 'a case label inside a nested block of a switch');
    default:
      return lw.unsupported(node, STMT_WHAT[node.type] ?? `the statement ${node.type}`);
  }
}

const STMT_WHAT: Record<string, string> = {
  gnu_asm_expression: 'inline assembly',
  attributed_statement: 'statement attributes',
  seh_try_statement: 'structured exception handling',
};

/** Lowers statements in a new scope; its stack objects die when it ends normally. */
function block(lw: Lowerer, stmts: SyntaxNode[]): void {
  const saved = lw.scope;
  lw.scope = new Scope(saved);
  const objects = lw.frame.objects;
  objects.push([]);
  try {
    for (const s of stmts) lowerStatement(lw, s);
    if (lw.b.cur !== null) lw.killObjects(objects.length - 1, undefined);
  } finally {
    objects.pop();
    lw.scope = saved;
  }
}

function declaration(lw: Lowerer, node: SyntaxNode): void {
  const storage = storageClasses(node);
  if (storage.includes('extern')) {
    // `extern int i;` in a block names the file's global i (or a function): nothing to lower.
    for (const d of node.childrenForFieldName('declarator')) {
      if (functionDeclarator(d)) continue;
      const { name } = lw.prog.declarator(d, lw.prog.baseType(lw.field(node, 'type'), []));
      if (name === null) continue;
      const g = lw.prog.globals.get(name);
      if (g === undefined)
        return lw.unsupported(d, `the block-scope extern declaration of ${name}`);
      // It may hide a local of the same name: bind the global in this block.
      const v = lw.global(g, d);
      if ('addr' in v) lw.scope.set(name, { kind: 'mem', addr: v.addr, type: v.type });
      else lw.scope.set(name, { kind: 'var', name: v.name, type: v.type });
    }
    return;
  }
  const base = lw.prog.baseType(lw.field(node, 'type'), qualifiers(node));
  for (const d of node.childrenForFieldName('declarator')) {
    if (functionDeclarator(d)) continue;
    const { name, type: declared } = lw.prog.declarator(d, base);
    if (name === null) continue;
    const span = lw.span(d);
    const init = d.type === 'init_declarator' ? d.childForFieldName('value') : null;
    const type =
      declared.kind === 'array' && declared.length === null && declared.vla === undefined && init
        ? { ...declared, length: initLength(init) ?? 0 }
        : declared;
    if (storage.includes('static')) {
      staticLocal(lw, name, type, init, d, objectIsConst(d, qualifiers(node).includes('const')));
      continue;
    }
    if (isScalarC(type) && !lw.frame.addressTaken.has(name)) {
      const t = lw.scalarType(type, d);
      const v = lw.b.variable(lw.frame.prefix + name, lw.irT(t), name, typeText(t), span);
      lw.noteCells(v, t);
      lw.scope.set(name, { kind: 'var', name: v, type: t });
      if (init?.type === 'initializer_list') {
        const first = init.namedChildren.find((c) => c.type !== 'comment');
        const value = first ? lw.conv(lw.fullValue(first), t) : constant(lw.irT(t), 0n);
        lw.b.emit({ kind: 'assign', target: v, value }, span);
      } else if (init)
        lw.b.emit({ kind: 'assign', target: v, value: lw.conv(lw.fullValue(init), t) }, span);
      else lw.b.emit({ kind: 'havoc', target: v, source: `uninitialised ${name}` }, span);
      continue;
    }
    if (type.kind === 'unsupported') return lw.unsupported(d, `${type.what} (variable ${name})`);
    if (type.kind === 'void' || type.kind === 'func')
      return lw.fail(d, `${name} is declared with type ${typeText(type)}`, 'type-error');
    // An object in memory: a fresh stack object (a variable-length array sized now).
    let size: Expr | undefined;
    if (type.kind === 'array' && type.vla !== undefined) size = vlaSize(lw, type, d);
    const loc = lw.stackObject(type, d, name, size);
    lw.scope.set(name, { kind: 'mem', addr: loc.addr, type });
    if (init) {
      if (size !== undefined)
        return lw.unsupported(init, 'an initialiser for a variable-length array');
      lw.initialize(loc, init, true, true);
    }
  }
}

/** The byte size of a variable-length array (C11 6.7.6.2p5: the length must be positive). */
function vlaSize(lw: Lowerer, t: CArray, d: SyntaxNode): Expr {
  const m = lw.mem;
  const elem = lw.elemSize(t.of, d);
  const lengthNode = t.vla as SyntaxNode;
  const n = lw.fullValue(lengthNode);
  const len = lw.int(n, lengthNode);
  const wide = bvType(2 * m.ptrT.width, true);
  const count = cast(len.e, wide);
  lw.check(
    'valid-deref',
    lengthNode,
    lengthNode.startIndex,
    7,
    compare('gt', count, constant(wide, 0n)),
    `the length ${lw.text(lengthNode)} of the variable-length array is positive`,
  );
  // An array of 2^offBits bytes or more is beyond arc's memory model (and any real stack): such runs are cut.
  const fits = compare(
    'lt',
    binary('mul', count, constant(wide, BigInt(elem))),
    constant(wide, 1n << BigInt(m.offBits)),
  );
  lw.b.emit({ kind: 'assume', cond: fits }, lw.span(lengthNode));
  return binary('mul', cast(len.e, m.ptrT), constant(m.ptrT, BigInt(elem)));
}

/** A `static` local: a global object of its own, named after the function. */
function staticLocal(
  lw: Lowerer,
  name: string,
  type: CType,
  init: SyntaxNode | null,
  d: SyntaxNode,
  isConst: boolean,
): void {
  const key = `${lw.frame.name}::${name}@${d.startIndex}`;
  let g = lw.prog.globals.get(key);
  if (g === undefined) {
    g = { name: key, type, init, node: d, isStatic: true, isConst };
    lw.prog.globals.set(key, g);
    lw.prog.addressTakenGlobals.add(key);
  }
  const where = lw.global(g, d);
  if ('addr' in where) lw.scope.set(name, { kind: 'mem', addr: where.addr, type });
}

/** Two-way branch on `c` from the cursor; infeasible constant branches get no edge. */
function branch(lw: Lowerer, c: Expr, node: SyntaxNode): { t: number; f: number } {
  const from = lw.b.here();
  const t = lw.b.newNode();
  const f = lw.b.newNode();
  const span = lw.span(node);
  if (isConst(c)) lw.b.edge(from, c.value !== 0n ? t : f, { kind: 'skip' }, span);
  else {
    lw.b.edge(from, t, { kind: 'assume', cond: c }, span);
    lw.b.edge(from, f, { kind: 'assume', cond: not(c) }, span);
  }
  lw.b.cur = null;
  return { t, f };
}

function condition(lw: Lowerer, node: SyntaxNode): { c: Expr; node: SyntaxNode } {
  const c = lw.field(node, 'condition');
  return { c: lw.fullCond(c), node: c };
}

function ifStatement(lw: Lowerer, node: SyntaxNode): void {
  const { c, node: cn } = condition(lw, node);
  const { t, f } = branch(lw, c, cn);
  lw.b.cur = t;
  lowerStatement(lw, lw.field(node, 'consequence'));
  const endT = lw.b.cur;
  lw.b.cur = f;
  const alt = node.childForFieldName('alternative');
  if (alt) lowerStatement(lw, alt.type === 'else_clause' ? lw.only(alt) : alt);
  const endF = lw.b.cur;
  if (endT === null && endF === null) return;
  const join = lw.b.newNode();
  lw.b.cur = endT;
  lw.b.jump(join);
  lw.b.cur = endF;
  lw.b.jump(join);
  lw.b.cur = join;
}

function loopBody(lw: Lowerer, body: SyntaxNode, brk: number, cont: number): void {
  const f = lw.frame;
  f.breaks.push(brk);
  f.conts.push(cont);
  f.breakDepths.push(f.objects.length);
  f.contDepths.push(f.objects.length);
  try {
    lowerStatement(lw, body);
  } finally {
    f.breaks.pop();
    f.conts.pop();
    f.breakDepths.pop();
    f.contDepths.pop();
  }
}

function whileStatement(lw: Lowerer, node: SyntaxNode): void {
  const head = lw.b.newNode();
  lw.b.jump(head);
  lw.b.cur = head;
  const { c, node: cn } = condition(lw, node);
  const { t, f } = branch(lw, c, cn);
  lw.b.cur = t;
  loopBody(lw, lw.field(node, 'body'), f, head);
  lw.b.jump(head);
  lw.b.cur = f;
}

function doStatement(lw: Lowerer, node: SyntaxNode): void {
  const body = lw.b.newNode();
  const test = lw.b.newNode();
  const exit = lw.b.newNode();
  lw.b.jump(body);
  lw.b.cur = body;
  loopBody(lw, lw.field(node, 'body'), exit, test);
  lw.b.jump(test);
  lw.b.cur = test;
  const { c, node: cn } = condition(lw, node);
  const { t, f } = branch(lw, c, cn);
  lw.b.cur = t;
  lw.b.jump(body);
  lw.b.cur = f;
  lw.b.jump(exit);
  lw.b.cur = exit;
}

function forStatement(lw: Lowerer, node: SyntaxNode): void {
  const saved = lw.scope;
  lw.scope = new Scope(saved);
  try {
    const init = node.childForFieldName('initializer');
    if (init?.type === 'declaration') declaration(lw, init);
    else if (init) lw.full(init, false);
    const head = lw.b.newNode();
    lw.b.jump(head);
    lw.b.cur = head;
    const cn = node.childForFieldName('condition');
    const c = cn ? lw.fullCond(cn) : constant({ kind: 'bool' }, 1n);
    const { t, f } = branch(lw, c, cn ?? node);
    const step = lw.b.newNode();
    lw.b.cur = t;
    loopBody(lw, lw.field(node, 'body'), f, step);
    lw.b.jump(step);
    lw.b.cur = step;
    const update = node.childForFieldName('update');
    if (update) lw.full(update, false);
    lw.b.jump(head);
    lw.b.cur = f;
  } finally {
    lw.scope = saved;
  }
}

function returnStatement(lw: Lowerer, node: SyntaxNode): void {
  const f = lw.frame;
  const e = node.namedChildren.find((c) => c.type !== 'comment');
  const span = lw.span(node);
  if (e && f.retVar === null) {
    // A constraint violation (C11 6.8.6.4p1) that compilers only warn about: the value is dropped.
    if (lw.full(e, false) !== null)
      lw.notes.push(
        diagnostic(
          'type-error',
          'warning',
          `${f.name} returns void but a value is returned: the value is dropped`,
          lw.span(e),
        ),
      );
  } else if (e && f.retVar !== null && isScalarC(f.returnType)) {
    const v = lw.fullValue(e);
    lw.b.emit({ kind: 'assign', target: f.retVar, value: lw.conv(v, f.returnType) }, span);
  } else if (e && f.retVar !== null && f.returnType.kind === 'struct') {
    // The caller's object for the result is at the address in retVar.
    const src = lw.aggregate(e);
    const size = lw.elemSize(f.returnType, e);
    lw.copy(
      { addr: variable(f.retVar, lw.mem.ptrT), type: f.returnType, what: `${f.name}()` },
      src,
      size,
      e,
    );
  } else if (f.retVar !== null) {
    lw.b.emit(
      { kind: 'havoc', target: f.retVar, source: `no return value (${lw.text(node)})` },
      span,
    );
  }
  // The end of the program: `main`'s own return (not a call of main).
  if (f.isMain && lw.callStack.length === 1) lw.leakChecks(node);
  lw.killObjects(0, span);
  lw.b.jump(f.exit, span);
}

function jumpOut(
  lw: Lowerer,
  node: SyntaxNode,
  targets: number[],
  depths: number[],
  what: string,
): void {
  const target = targets[targets.length - 1];
  if (target === undefined)
    lw.fail(node, `${what} outside a loop${what === 'break' ? ' or switch' : ''}`, 'type-error');
  lw.killObjects(depths[depths.length - 1] ?? 0, lw.span(node));
  lw.b.jump(target, lw.span(node));
}

/**
 * `goto L`: objects of blocks the jump leaves die. For a label seen already
 * its depth is known; for a later label, the jump is recorded and checked
 * when the label is defined (leaving a block with objects then is unsupported).
 */
function gotoStatement(lw: Lowerer, node: SyntaxNode): void {
  const name = lw.field(node, 'label').text;
  const target = label(lw, name, node);
  const f = lw.frame;
  const defined = f.labelDepths.get(name);
  if (defined !== undefined) lw.killObjects(defined, lw.span(node));
  else f.pendingGotos.push({ label: name, node, objects: f.objects.map((s) => s.length) });
  lw.b.jump(target, lw.span(node));
}

function label(lw: Lowerer, name: string, use: SyntaxNode): number {
  let l = lw.frame.labels.get(name);
  if (!l) {
    l = { node: lw.b.newNode(), defined: false, use };
    lw.frame.labels.set(name, l);
  }
  return l.node;
}

function labeled(lw: Lowerer, node: SyntaxNode): void {
  const labelNode = lw.field(node, 'label');
  const target = label(lw, labelNode.text, node);
  const l = lw.frame.labels.get(labelNode.text);
  if (l?.defined) lw.fail(labelNode, `duplicate label ${labelNode.text}`, 'type-error');
  if (l) l.defined = true;
  const f = lw.frame;
  const depth = f.objects.length;
  f.labelDepths.set(labelNode.text, depth);
  for (const g of f.pendingGotos)
    if (g.label === labelNode.text && g.objects.slice(depth).some((n) => n > 0))
      lw.unsupported(g.node, `goto ${g.label} out of a block that has objects in memory`);
  lw.b.jump(target);
  lw.b.cur = target;
  for (const s of node.namedChildren)
    if (s.startIndex !== labelNode.startIndex) lowerStatement(lw, s);
}

function switchStatement(lw: Lowerer, node: SyntaxNode): void {
  const cn = lw.field(node, 'condition');
  const v = lw.int(lw.fullValue(cn), cn);
  const t = promote(v.t, lw.T);
  const span = lw.span(node);
  const tmp = lw.temp(t, lw.text(lw.field(node, 'condition')));
  lw.b.emit({ kind: 'assign', target: tmp, value: lw.conv(v, t) }, span);
  const scrutinee = { kind: 'var' as const, name: tmp, type: lw.irT(t) };
  const body = lw.field(node, 'body');
  const cases = body.namedChildren.filter((c) => c.type === 'case_statement');
  const targets = new Map<number, number>();
  const seen = new Set<bigint>();
  let dflt: number | null = null;
  for (const c of cases) {
    const target = lw.b.newNode();
    targets.set(c.startIndex, target);
    const valueNode = c.childForFieldName('value');
    if (!valueNode) {
      dflt = target;
      continue;
    }
    const k = lw.conv(lw.expr(valueNode), t);
    if (!isConst(k))
      return lw.fail(valueNode, 'a case label must be an integer constant', 'type-error');
    if (seen.has(k.value))
      lw.fail(valueNode, `duplicate case value ${lw.text(valueNode)}`, 'type-error');
    seen.add(k.value);
    const { t: yes, f: no } = branch(
      lw,
      compare('eq', scrutinee, constant(k.type, k.value)),
      valueNode,
    );
    lw.b.cur = yes;
    lw.b.jump(target);
    lw.b.cur = no;
  }
  const exit = lw.b.newNode();
  lw.b.jump(dflt ?? exit, span);
  switchBody(lw, body.namedChildren, targets, exit);
  lw.b.jump(exit);
  lw.b.cur = exit;
}

function switchBody(
  lw: Lowerer,
  stmts: SyntaxNode[],
  targets: Map<number, number>,
  exit: number,
): void {
  const saved = lw.scope;
  lw.scope = new Scope(saved);
  lw.frame.breaks.push(exit);
  lw.frame.breakDepths.push(lw.frame.objects.length);
  try {
    for (const s of stmts) {
      const target = targets.get(s.startIndex);
      if (s.type !== 'case_statement' || target === undefined) {
        lowerStatement(lw, s);
        continue;
      }
      lw.b.jump(target);
      lw.b.cur = target;
      const value = s.childForFieldName('value');
      for (const inner of s.namedChildren)
        if (!value || inner.startIndex !== value.startIndex) lowerStatement(lw, inner);
    }
  } finally {
    lw.frame.breaks.pop();
    lw.frame.breakDepths.pop();
    lw.scope = saved;
  }
}
