/**
 * Lowering of C statements to control flow: blocks with scoping, local
 * declarations, if/else, while, do-while, for, switch with fall-through,
 * break/continue, return, goto and labels.
 *
 * Guarantees: an uninitialised local gets a `havoc` (source "uninitialised
 * x"); every statement kind arc cannot model is reported as `unsupported`
 * with its location; a `goto` to an undefined label is a `type-error`.
 */
import { constant, type Expr } from '../../ir/ir.js';
import { compare, isConst, not } from './fold.js';
import type { Lowerer } from './lower.js';
import { Scope } from './lower.js';
import type { SyntaxNode } from './parser.js';
import { functionDeclarator, qualifiers, storageClasses } from './program.js';
import { promote } from './ctypes.js';

/** Lowers a function body for the current frame, including the fall-off-the-end return. */
export function lowerFunctionBody(lw: Lowerer, body: SyntaxNode): void {
  lowerStatement(lw, body);
  const f = lw.frame;
  if (lw.b.cur !== null && f.retVar !== null) {
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
      return jumpOut(lw, node, lw.frame.breaks, 'break');
    case 'continue_statement':
      return jumpOut(lw, node, lw.frame.conts, 'continue');
    case 'switch_statement':
      return switchStatement(lw, node);
    case 'labeled_statement':
      return labeled(lw, node);
    case 'goto_statement':
      lw.b.jump(label(lw, lw.field(node, 'label').text, node), lw.span(node));
      return;
    case 'enum_specifier':
      lw.prog.baseType(node, []);
      return;
    case 'type_definition':
      lw.prog.typedef(node);
      return;
    case 'comment':
    case 'struct_specifier':
    case 'union_specifier':
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

function block(lw: Lowerer, stmts: SyntaxNode[]): void {
  const saved = lw.scope;
  lw.scope = new Scope(saved);
  try {
    for (const s of stmts) lowerStatement(lw, s);
  } finally {
    lw.scope = saved;
  }
}

function declaration(lw: Lowerer, node: SyntaxNode): void {
  const storage = storageClasses(node);
  if (storage.includes('static')) return lw.unsupported(node, 'static local variables');
  if (storage.includes('extern'))
    return lw.unsupported(node, 'extern declarations inside functions');
  const base = lw.prog.baseType(lw.field(node, 'type'), qualifiers(node));
  for (const d of node.childrenForFieldName('declarator')) {
    if (functionDeclarator(d)) continue;
    const { name, type } = lw.prog.declarator(d, base);
    if (name === null) continue;
    const t = lw.intType(type, d);
    const span = lw.span(d);
    const v = lw.b.variable(lw.frame.prefix + name, lw.irT(t), name, t.name, span);
    lw.scope.set(name, { kind: 'var', name: v, type: t });
    const init = d.type === 'init_declarator' ? d.childForFieldName('value') : null;
    if (init?.type === 'initializer_list') return lw.unsupported(init, 'initializer lists');
    if (init) lw.b.emit({ kind: 'assign', target: v, value: lw.conv(lw.fullValue(init), t) }, span);
    else lw.b.emit({ kind: 'havoc', target: v, source: `uninitialised ${name}` }, span);
  }
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
  lw.frame.breaks.push(brk);
  lw.frame.conts.push(cont);
  try {
    lowerStatement(lw, body);
  } finally {
    lw.frame.breaks.pop();
    lw.frame.conts.pop();
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
    if (lw.full(e, false) !== null)
      lw.fail(e, `${f.name} returns void but a value is returned`, 'type-error');
  } else if (e && f.retVar !== null && f.returnType.kind === 'int') {
    const v = lw.fullValue(e);
    lw.b.emit({ kind: 'assign', target: f.retVar, value: lw.conv(v, f.returnType) }, span);
  } else if (f.retVar !== null) {
    lw.b.emit(
      { kind: 'havoc', target: f.retVar, source: `no return value (${lw.text(node)})` },
      span,
    );
  }
  lw.b.jump(f.exit, span);
}

function jumpOut(lw: Lowerer, node: SyntaxNode, targets: number[], what: string): void {
  const target = targets[targets.length - 1];
  if (target === undefined)
    lw.fail(node, `${what} outside a loop${what === 'break' ? ' or switch' : ''}`, 'type-error');
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
  lw.b.jump(target);
  lw.b.cur = target;
  for (const s of node.namedChildren)
    if (s.startIndex !== labelNode.startIndex) lowerStatement(lw, s);
}

function switchStatement(lw: Lowerer, node: SyntaxNode): void {
  const v = lw.fullValue(lw.field(node, 'condition'));
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
    lw.scope = saved;
  }
}
