/**
 * Lowers one Python function (callees defined in the file inlined) to an
 * IrFunction.
 *
 * Model: every Python value the subset can produce is an integer or a bool.
 * Integers are unbounded (IR `int`). Comparisons, `not`, `True`/`False` and
 * `isinstance` give IR `bool`; since Python's `bool` is an `int` subclass,
 * a bool stored in a variable, passed as an argument or used in arithmetic is
 * converted with an explicit `cast` to the int 0 or 1 (the same value in
 * every integer context). Parameters of the entry function are arbitrary
 * integers (hinted `int`, asserted `isinstance(x, int)`, or unhinted, which a
 * warning notes), or the int 0 or 1 when hinted `bool`; so
 * `isinstance(e, int)` is true for every expression `e` of the subset, and
 * `assert isinstance(p, int)` on parameters is an assumption, not a property.
 *
 * Sound by construction: a name that may be read before it is assigned, a
 * function that may return None where its result is used, and every construct
 * outside the subset stop lowering with a LowerError (turned into a
 * diagnostic by index.ts). Python's exceptions are properties: `//` and `%`
 * check the divisor first (`div-by-zero`: ZeroDivisionError), `assert` is an
 * `assertion`, and `range(a, b, 0)` an `error-call` (ValueError). `**` needs
 * a constant non-negative exponent; `abs`, `min`, `max`, `pow`, `int`, `bool`
 * are modelled exactly (builtins.ts), unless the module rebinds their name.
 */
import {
  diagnostic,
  type Diagnostic,
  type DiagnosticCode,
  type SourceSpan,
} from '../../diagnostics/diagnostic.js';
import {
  boolType,
  constant,
  intType,
  trueExpr,
  variable,
  type BinaryOp,
  type CompareOp,
  type Expr,
  type IrFunction,
  type PropertyKind,
} from '../../ir/ir.js';
import { FnBuilder } from '../builder.js';
import { absExpr, extremumExpr, powerExpr, type Temps } from './builtins.js';
import { LowerError } from '../errors.js';
import type { SyntaxNode } from './parser.js';

/** A value of the subset: an IR `int`, or (bool = true) an IR `bool`. */
interface Val {
  readonly e: Expr;
  readonly bool: boolean;
}

export interface PyFunctionInfo {
  readonly name: string;
  readonly node: SyntaxNode;
  readonly decorated: boolean;
  readonly duplicate: boolean;
}

export interface ModuleInfo {
  readonly file: string;
  readonly functions: ReadonlyMap<string, PyFunctionInfo>;
  /** Names bound at module level other than by a plain `def` (imports, assignments, classes). */
  readonly bound: ReadonlySet<string>;
  /** A `from m import *` may rebind any name. */
  readonly starImport: boolean;
}

interface Loop {
  readonly brk: number;
  readonly cont: number;
  readonly breakStates: (Set<string> | null)[];
}

interface Frame {
  readonly name: string;
  /** The function's parameters (source names). */
  readonly params: ReadonlySet<string>;
  /** Source name → IR variable name, for every local (parameters and assigned names). */
  readonly vars: Map<string, string>;
  readonly retVar: string | null;
  readonly exit: number;
  readonly loops: Loop[];
}

const ARITH: Readonly<Record<string, BinaryOp>> = {
  '+': 'add',
  '-': 'sub',
  '*': 'mul',
  '//': 'floordiv',
  '%': 'floormod',
};

/** Builtins on integers the subset models (besides isinstance, print and range). */
const INT_BUILTINS: ReadonlySet<string> = new Set(['abs', 'min', 'max', 'pow', 'int', 'bool']);
const BUILTIN_LIST = 'abs, min, max, pow, int, bool, isinstance, range and print';

const COMPARE: Readonly<Record<string, CompareOp>> = {
  '<': 'lt',
  '<=': 'le',
  '>': 'gt',
  '>=': 'ge',
  '==': 'eq',
  '!=': 'ne',
};

const DESCRIBE: Readonly<Record<string, string>> = {
  float: 'floating-point numbers',
  string: 'strings',
  concatenated_string: 'strings',
  list: 'lists',
  tuple: 'tuples',
  dictionary: 'dictionaries',
  set: 'sets',
  none: 'None',
  subscript: 'subscripts',
  attribute: 'attribute access',
  lambda: 'lambda expressions',
  list_comprehension: 'comprehensions',
  dictionary_comprehension: 'comprehensions',
  set_comprehension: 'comprehensions',
  generator_expression: 'generator expressions',
  named_expression: 'assignment expressions (:=)',
  await: 'await',
  try_statement: 'exceptions (try)',
  raise_statement: 'exceptions (raise)',
  with_statement: 'with statements',
  class_definition: 'classes',
  function_definition: 'nested functions',
  decorated_definition: 'decorated definitions',
  global_statement: 'global variables',
  nonlocal_statement: 'nonlocal variables',
  import_statement: 'imports inside functions',
  import_from_statement: 'imports inside functions',
  delete_statement: 'del',
  match_statement: 'match statements',
  tuple_pattern: 'tuple assignment',
  pattern_list: 'tuple assignment',
  expression_list: 'tuples',
};

export function spanOf(file: string, n: SyntaxNode): SourceSpan {
  const a = n.startPosition;
  const b = n.endPosition;
  const endCol = b.row === a.row ? Math.max(b.column + 1, a.column + 2) : b.column + 1;
  return {
    file,
    startLine: a.row + 1,
    startCol: a.column + 1,
    endLine: b.row + 1,
    endCol,
  };
}

function named(n: SyntaxNode): SyntaxNode[] {
  return n.namedChildren.filter((c): c is SyntaxNode => c !== null && c.type !== 'comment');
}

function shortText(n: SyntaxNode): string {
  const t = n.text.replace(/\s+/g, ' ').trim();
  return t.length > 60 ? `${t.slice(0, 57)}...` : t;
}

/** Names a function body assigns (its locals besides the parameters), nested scopes excluded. */
function assignedNames(n: SyntaxNode, out: Set<string>): Set<string> {
  for (const c of named(n)) {
    if (c.type === 'function_definition' || c.type === 'class_definition') continue;
    if (
      c.type === 'assignment' ||
      c.type === 'augmented_assignment' ||
      c.type === 'for_statement'
    ) {
      const left = c.childForFieldName('left');
      if (left?.type === 'identifier') out.add(left.text);
    }
    assignedNames(c, out);
  }
  return out;
}

/** Whether the body contains `return <value>` (outside nested scopes). */
export function returnsValue(n: SyntaxNode): boolean {
  for (const c of named(n)) {
    if (c.type === 'function_definition' || c.type === 'class_definition') continue;
    if (c.type === 'return_statement' && named(c).length > 0) return true;
    if (returnsValue(c)) return true;
  }
  return false;
}

function intersect(states: (Set<string> | null)[]): Set<string> | null {
  const live = states.filter((s): s is Set<string> => s !== null);
  if (live.length === 0) return null;
  return new Set([...live[0]].filter((x) => live.every((s) => s.has(x))));
}

function notExpr(e: Expr): Expr {
  if (e.kind === 'const') return constant(boolType, e.value === 0n ? 1n : 0n);
  if (e.kind === 'unary' && e.op === 'not') return e.arg;
  return { kind: 'unary', type: boolType, op: 'not', arg: e };
}

function toInt(v: Val): Expr {
  if (!v.bool) return v.e;
  if (v.e.kind === 'const') return constant(intType, v.e.value);
  return { kind: 'cast', type: intType, arg: v.e };
}

function truthy(v: Val): Expr {
  if (v.bool) return v.e;
  if (v.e.kind === 'const') return constant(boolType, v.e.value !== 0n ? 1n : 0n);
  return { kind: 'compare', type: boolType, op: 'ne', left: v.e, right: constant(intType, 0n) };
}

function isConstTrue(n: SyntaxNode): boolean {
  if (n.type === 'true') return true;
  if (n.type === 'parenthesized_expression') {
    const inner = named(n)[0];
    return inner !== undefined && isConstTrue(inner);
  }
  return n.type === 'integer' && /^[1-9][0-9_]*$/.test(n.text);
}

export class PyLowerer {
  readonly b = new FnBuilder();
  readonly notes: Diagnostic[] = [];
  private frame!: Frame;
  /** The frame of the analysed function (inlined callees have their own). */
  private entryFrame: Frame | null = null;
  /** Names definitely assigned at the cursor; null in unreachable code. */
  private da: Set<string> | null = new Set();
  private readonly callStack: string[] = [];
  /** Parameters of the entry function that an `assert isinstance(x, int)` declares to be ints. */
  private readonly assertedInt = new Set<string>();

  constructor(readonly mod: ModuleInfo) {}

  span(n: SyntaxNode): SourceSpan {
    return spanOf(this.mod.file, n);
  }

  fail(n: SyntaxNode, message: string, code: DiagnosticCode = 'unsupported'): never {
    throw new LowerError(diagnostic(code, 'error', message, this.span(n)));
  }

  unsupported(n: SyntaxNode, what?: string): never {
    const w = what ?? DESCRIBE[n.type] ?? `the Python construct '${n.type}'`;
    return this.fail(
      n,
      `${w} ${w.endsWith('s') ? 'are' : 'is'} not supported by arc's Python subset`,
    );
  }

  field(n: SyntaxNode, name: string): SyntaxNode {
    const c = n.childForFieldName(name);
    if (c === null) return this.fail(n, `syntax error: ${n.type} without ${name}`, 'syntax-error');
    return c;
  }

  /** Lowers `info` as the analysed function. */
  lowerEntry(info: PyFunctionInfo, returnsTrue: boolean): IrFunction {
    const def = info.node;
    this.checkDef(info);
    const entry = this.b.here();
    const params = this.paramNames(def);
    const hints = params.map((p) => this.paramHint(p));
    const vars = this.entryParams(params, hints);
    const body = this.field(def, 'body');
    for (const x of assignedNames(body, new Set()))
      if (!vars.has(x)) vars.set(x, this.b.variable(x, intType, x, 'int'));
    const valued = returnsValue(body);
    const retVar = valued ? this.b.variable('$ret', intType, `${info.name}()`, 'int') : null;
    const ret = this.b.newNode('return', this.span(def));
    const paramSet = new Set(params.map((p) => p.text));
    const exit = this.b.newNode();
    this.frame = { name: info.name, params: paramSet, vars, retVar, exit, loops: [] };
    this.entryFrame = this.frame;
    this.da = new Set(paramSet);
    this.callStack.push(info.name);
    this.body(info, body);
    this.b.cur = this.frame.exit;
    params.forEach((p, i) => {
      if (hints[i] !== null || this.assertedInt.has(p.text)) return;
      const why = `the parameter ${p.text} has no type hint: arc takes it to be an int (write ${p.text}: int or assert isinstance(${p.text}, int) to say so)`;
      this.notes.push(diagnostic('note', 'warning', why, this.span(p)));
    });
    if (returnsTrue) this.returnsTrueCheck(info, retVar);
    this.b.jump(ret, this.span(def));
    const header = {
      name: info.name,
      returnType: valued ? intType : null,
      returnSourceType: valued ? 'int' : 'None',
      returnVar: retVar,
      span: this.span(def),
    };
    return withNodeSpans(this.b.finish(header, entry, ret));
  }

  /** The entry's parameters as IR parameters; one hinted `bool` is assumed to be 0 or 1. */
  private entryParams(
    params: readonly SyntaxNode[],
    hints: readonly ('int' | 'bool' | null)[],
  ): Map<string, string> {
    const vars = new Map<string, string>();
    params.forEach((p, i) => {
      const name = this.b.fresh(p.text);
      const sourceType = hints[i] ?? 'int';
      const span = this.span(p);
      this.b.addVar({ name, type: intType, sourceName: p.text, sourceType, span }, true);
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
      this.b.emit({ kind: 'assume', cond }, this.span(p));
    });
    return vars;
  }

  /** The `returns-true` property at the function's exit: its result is truthy (None is not). */
  private returnsTrueCheck(info: PyFunctionInfo, retVar: string | null): void {
    const def = info.node;
    const ok =
      retVar === null
        ? constant(boolType, 0n)
        : truthy({ e: variable(retVar, intType), bool: false });
    const what =
      retVar === null
        ? `${info.name} returns a truthy value (it returns None, which is falsy)`
        : `${info.name} returns a truthy value (not 0 or False)`;
    this.check('returns-true', this.field(def, 'name'), def.startIndex, ok, what);
  }

  private checkDef(info: PyFunctionInfo): void {
    const def = info.node;
    if (info.decorated) this.unsupported(def, 'decorated functions');
    if (info.duplicate) this.fail(def, `${info.name} is defined more than once`);
    if (def.children.some((c) => c?.type === 'async')) this.unsupported(def, 'async functions');
  }

  /**
   * The type hint of an entry parameter: `int`, `bool` (the int 0 or 1), or
   * null when there is none. Any other hint is outside the subset.
   */
  private paramHint(id: SyntaxNode): 'int' | 'bool' | null {
    const typed = id.parent;
    if (typed?.type !== 'typed_parameter') return null;
    const hint = typed.childForFieldName('type');
    if (hint === null) return null;
    const t = named(hint)[0] ?? hint;
    const name = t.type === 'identifier' ? t.text : '';
    if ((name === 'int' || name === 'bool') && this.moduleBuiltin(name)) return name;
    return this.unsupported(
      hint,
      `the parameter type ${shortText(hint)} (parameters must be int or bool)`,
    );
  }

  private paramNames(def: SyntaxNode): SyntaxNode[] {
    const out: SyntaxNode[] = [];
    for (const p of named(this.field(def, 'parameters'))) {
      let id: SyntaxNode | undefined = p;
      if (p.type === 'typed_parameter') id = named(p).find((c) => c.type === 'identifier');
      if (id?.type !== 'identifier')
        this.unsupported(p, 'parameters other than plain positional ones');
      if (out.some((o) => o.text === id.text))
        this.fail(id, `duplicate parameter ${id.text}`, 'syntax-error');
      out.push(id);
    }
    return out;
  }

  /** The body of the current frame, ending at its exit. */
  private body(info: PyFunctionInfo, body: SyntaxNode): void {
    this.block(body);
    if (this.b.cur !== null && this.frame.retVar !== null)
      this.fail(
        info.node,
        `${info.name} may reach its end and return None; mixing None and integer results is not supported`,
      );
    this.b.jump(this.frame.exit, this.span(body));
  }

  check(kind: PropertyKind, node: SyntaxNode, pos: number, ok: Expr, what: string): void {
    // A user's assertion stays a (trivially holding) property even when it folds to true.
    if (ok.kind === 'const' && ok.value !== 0n && kind !== 'assertion') return;
    const span = this.span(node);
    const key = this.b.property({
      owner: this.frame.name,
      kind,
      pos,
      tag: 0,
      description: what,
      span,
    });
    this.b.emit({ kind: 'assert', cond: ok, property: key }, span);
  }

  // ---- statements ----

  private block(n: SyntaxNode): void {
    for (const s of named(n)) this.stmt(s);
  }

  private dead(): void {
    this.b.cur = null;
    this.da = null;
  }

  private stmt(n: SyntaxNode): void {
    switch (n.type) {
      case 'block':
        return this.block(n);
      case 'expression_statement':
        return this.exprStmt(n);
      case 'pass_statement':
        return;
      case 'if_statement':
        return this.ifStmt(n);
      case 'while_statement':
        return this.whileStmt(n);
      case 'for_statement':
        return this.forStmt(n);
      case 'break_statement':
      case 'continue_statement': {
        const loop = this.frame.loops[this.frame.loops.length - 1];
        const kw = n.type === 'break_statement' ? 'break' : 'continue';
        if (loop === undefined) this.fail(n, `syntax error: '${kw}' outside loop`, 'syntax-error');
        if (kw === 'break') loop.breakStates.push(this.da);
        this.b.jump(kw === 'break' ? loop.brk : loop.cont, this.span(n));
        return this.dead();
      }
      case 'return_statement':
        return this.returnStmt(n);
      case 'assert_statement': {
        const cond = named(n)[0];
        if (cond === undefined)
          this.fail(n, 'syntax error: assert without condition', 'syntax-error');
        const declared = this.isinstanceConjuncts(cond);
        if (this.frame === this.entryFrame)
          for (const x of declared.params) this.assertedInt.add(x);
        // `assert isinstance(x, int)` on parameters states their type: an assumption, not a check.
        if (declared.only) return;
        const v = this.value(cond);
        this.check(
          'assertion',
          n,
          n.startIndex,
          truthy(v),
          `the assertion ${shortText(cond)} holds`,
        );
        return;
      }
      default:
        return this.unsupported(n);
    }
  }

  /**
   * The parameters `x` of the `isinstance(x, int)` conjuncts of an assert's
   * condition, and whether the condition is nothing but such conjuncts.
   */
  private isinstanceConjuncts(n: SyntaxNode): { params: string[]; only: boolean } {
    if (n.type === 'parenthesized_expression') {
      const parts = named(n);
      return parts.length === 1 ? this.isinstanceConjuncts(parts[0]) : { params: [], only: false };
    }
    if (n.type === 'boolean_operator' && this.field(n, 'operator').text === 'and') {
      const l = this.isinstanceConjuncts(this.field(n, 'left'));
      const r = this.isinstanceConjuncts(this.field(n, 'right'));
      return { params: [...l.params, ...r.params], only: l.only && r.only };
    }
    if (n.type !== 'call') return { params: [], only: false };
    const fnNode = n.childForFieldName('function');
    const args = named(this.field(n, 'arguments'));
    const [x, t] = args;
    const isInt =
      fnNode?.text === 'isinstance' &&
      this.builtin('isinstance') &&
      args.length === 2 &&
      x.type === 'identifier' &&
      this.frame.params.has(x.text) &&
      t.type === 'identifier' &&
      t.text === 'int' &&
      this.builtin('int');
    return isInt ? { params: [x.text], only: true } : { params: [], only: false };
  }

  private exprStmt(n: SyntaxNode): void {
    const parts = named(n);
    if (parts.length !== 1) return this.unsupported(n, 'tuples');
    const e = parts[0];
    if (e.type === 'assignment') return this.assign(e);
    if (e.type === 'augmented_assignment') return this.augAssign(e);
    if (e.type === 'string' && !named(e).some((c) => c.type === 'interpolation')) return;
    if (e.type === 'call') {
      this.call(e, false);
      return;
    }
    this.value(e);
  }

  private target(left: SyntaxNode): string {
    if (left.type !== 'identifier')
      this.unsupported(left, 'assignments to anything but a simple name');
    const v = this.frame.vars.get(left.text);
    if (v === undefined) return this.fail(left, `internal: ${left.text} is not a local`);
    return v;
  }

  private assign(n: SyntaxNode): void {
    const left = this.field(n, 'left');
    const target = this.target(left);
    const right = n.childForFieldName('right');
    if (right === null) return; // an annotation without a value binds nothing
    if (right.type === 'assignment') this.unsupported(right, 'chained assignments');
    const v = this.value(right);
    this.b.emit({ kind: 'assign', target, value: toInt(v) }, this.span(n));
    this.da?.add(left.text);
  }

  private augAssign(n: SyntaxNode): void {
    const left = this.field(n, 'left');
    const target = this.target(left);
    const opText = this.field(n, 'operator').text.slice(0, -1);
    const op = ARITH[opText];
    if (op === undefined && opText !== '**') this.unsupported(n, `the operator ${opText}=`);
    const cur = this.name(left);
    const rhs = this.value(this.field(n, 'right'));
    const value = op === undefined ? this.power(cur, rhs, n) : this.arith(op, cur, rhs, n);
    this.b.emit({ kind: 'assign', target, value }, this.span(n));
  }

  private returnStmt(n: SyntaxNode): void {
    const parts = named(n);
    const f = this.frame;
    if (parts.length > 1) this.unsupported(n, 'tuples');
    if (parts.length === 1) {
      const v = this.value(parts[0]);
      if (f.retVar === null) return this.fail(n, 'internal: value return in a void frame');
      this.b.emit({ kind: 'assign', target: f.retVar, value: toInt(v) }, this.span(n));
    } else if (f.retVar !== null) {
      this.fail(
        n,
        `${f.name} returns None here and an integer elsewhere; mixing them is not supported`,
      );
    }
    this.b.jump(f.exit, this.span(n));
    this.dead();
  }

  private ifStmt(n: SyntaxNode): void {
    const entryDa = this.da;
    const end = this.b.newNode();
    const ends: (Set<string> | null)[] = [];
    let reached = false;
    const arm = (body: SyntaxNode): void => {
      this.stmt(body);
      if (this.b.cur !== null) {
        reached = true;
        ends.push(this.da);
      }
      this.b.jump(end, this.span(body));
    };
    const clauses: [SyntaxNode, SyntaxNode][] = [
      [this.field(n, 'condition'), this.field(n, 'consequence')],
    ];
    let elseBody: SyntaxNode | null = null;
    for (const alt of n.childrenForFieldName('alternative')) {
      if (alt === null) continue;
      if (alt.type === 'elif_clause')
        clauses.push([this.field(alt, 'condition'), this.field(alt, 'consequence')]);
      else elseBody = this.field(alt, 'body');
    }
    for (const [c, body] of clauses) {
      const t = this.b.newNode();
      const f = this.b.newNode();
      this.cond(c, t, f);
      const before = this.da;
      this.b.cur = t;
      this.da = before === null ? null : new Set(before);
      arm(body);
      this.b.cur = f;
      this.da = before;
    }
    if (elseBody !== null) arm(elseBody);
    else {
      reached = true;
      ends.push(this.da);
      this.b.jump(end, this.span(n));
    }
    if (reached) {
      this.b.cur = end;
      this.da = entryDa === null ? null : (intersect(ends) ?? new Set());
    } else this.dead();
  }

  private whileStmt(n: SyntaxNode): void {
    if (n.childForFieldName('alternative') !== null) this.unsupported(n, 'while ... else');
    const condNode = this.field(n, 'condition');
    const head = this.b.newNode();
    const exit = this.b.newNode();
    const bodyStart = this.b.newNode();
    const span = this.span(n);
    this.b.jump(head, span);
    this.b.cur = head;
    const before = this.da;
    const forever = isConstTrue(condNode);
    if (forever) this.b.jump(bodyStart, span);
    else this.cond(condNode, bodyStart, exit);
    const loop: Loop = { brk: exit, cont: head, breakStates: [] };
    this.frame.loops.push(loop);
    this.b.cur = bodyStart;
    this.da = before === null ? null : new Set(before);
    this.stmt(this.field(n, 'body'));
    this.b.jump(head, span);
    this.frame.loops.pop();
    if (!forever) {
      this.b.cur = exit;
      this.da = before;
    } else if (loop.breakStates.length > 0) {
      this.b.cur = exit;
      this.da = before === null ? null : (intersect(loop.breakStates) ?? new Set());
    } else this.dead();
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
  private forStmt(n: SyntaxNode): void {
    if (n.children.some((c) => c?.type === 'async')) this.unsupported(n, 'async for loops');
    if (n.childForFieldName('alternative') !== null) this.unsupported(n, 'for ... else');
    const left = this.field(n, 'left');
    this.target(left);
    const { start, stop, step } = this.rangeArguments(this.field(n, 'right'), left.text);
    const span = this.span(n);
    const before = this.da;
    const exit = this.b.newNode();
    if (step.kind === 'const') this.rangeLoop(n, { start, stop, step, up: step.value > 0n }, exit);
    else {
      const up = this.b.newNode();
      const down = this.b.newNode();
      const positive: Expr = {
        kind: 'compare',
        type: boolType,
        op: 'gt',
        left: step,
        right: constant(intType, 0n),
      };
      this.branch(positive, up, down, span);
      this.b.cur = up;
      this.rangeLoop(n, { start, stop, step, up: true }, exit);
      this.b.cur = down;
      this.da = before;
      this.rangeLoop(n, { start, stop, step, up: false }, exit);
    }
    this.b.cur = exit;
    this.da = before;
  }

  /** One copy of a range loop, counting up (`up`) or down; leaves the cursor dead, exits to `exit`. */
  private rangeLoop(
    n: SyntaxNode,
    range: { start: Expr; stop: Expr; step: Expr; up: boolean },
    exit: number,
  ): void {
    const left = this.field(n, 'left');
    const target = this.target(left);
    const span = this.span(n);
    const counter = this.b.variable('$range', intType, `next(${left.text})`, 'int');
    this.b.emit({ kind: 'assign', target: counter, value: range.start }, span);
    const k = variable(counter, intType);
    const head = this.b.newNode();
    const bodyStart = this.b.newNode();
    this.b.jump(head, span);
    this.b.cur = head;
    const before = this.da;
    const more: Expr = {
      kind: 'compare',
      type: boolType,
      op: range.up ? 'lt' : 'gt',
      left: k,
      right: range.stop,
    };
    this.branch(more, bodyStart, exit, span);
    this.b.cur = bodyStart;
    this.b.emit({ kind: 'assign', target, value: k }, this.span(left));
    const next: Expr = { kind: 'binary', type: intType, op: 'add', left: k, right: range.step };
    this.b.emit({ kind: 'assign', target: counter, value: next }, span);
    const loop: Loop = { brk: exit, cont: head, breakStates: [] };
    this.frame.loops.push(loop);
    this.da = before === null ? null : new Set([...before, left.text]);
    this.stmt(this.field(n, 'body'));
    this.b.jump(head, span);
    this.frame.loops.pop();
    this.b.cur = null;
  }

  /** `range(stop)`, `range(start, stop)`, `range(start, stop, step)`: evaluated once, in order. */
  private rangeArguments(
    call: SyntaxNode,
    loopVar: string,
  ): { start: Expr; stop: Expr; step: Expr } {
    const fnNode = call.type === 'call' ? call.childForFieldName('function') : null;
    if (fnNode?.type !== 'identifier' || fnNode.text !== 'range' || !this.builtin('range'))
      return this.unsupported(call, 'for loops over anything but range(...)');
    const argList = this.field(call, 'arguments');
    const args = named(argList);
    if (argList.type !== 'argument_list') this.unsupported(argList, 'generator arguments');
    for (const a of args)
      if (a.type === 'keyword_argument' || a.type.includes('splat'))
        this.unsupported(a, 'keyword and unpacked arguments');
    if (args.length < 1 || args.length > 3)
      this.fail(
        call,
        `range expected 1 to 3 arguments, got ${args.length} (TypeError)`,
        'type-error',
      );
    const names = args.length === 1 ? ['stop'] : ['start', 'stop', 'step'];
    // The start only initialises the counter: no temporary needed.
    const vals = args.map((a, i) =>
      names[i] === 'start'
        ? toInt(this.value(a))
        : this.stable(toInt(this.value(a)), this.span(a), `${names[i]}(${loopVar})`),
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
      this.check(
        'error-call',
        args[2],
        call.startIndex,
        ok,
        `${shortText(call)}: the step is not 0 (else ValueError)`,
      );
    }
    return { start, stop, step };
  }

  /** A constant stays; anything else is stored in a fresh temporary (its value at this point). */
  private stable(e: Expr, span: SourceSpan, sourceName = '(temporary)'): Expr {
    if (e.kind === 'const') return e;
    const t = this.b.variable('$t', intType, sourceName, 'int');
    this.b.emit({ kind: 'assign', target: t, value: e }, span);
    return variable(t, intType);
  }

  // ---- conditions: jump to t when truthy, f otherwise ----

  private branch(c: Expr, t: number, f: number, span: SourceSpan): void {
    const from = this.b.here();
    if (c.kind === 'const') this.b.edge(from, c.value !== 0n ? t : f, { kind: 'skip' }, span);
    else {
      this.b.edge(from, t, { kind: 'assume', cond: c }, span);
      this.b.edge(from, f, { kind: 'assume', cond: notExpr(c) }, span);
    }
    this.b.cur = null;
  }

  private cond(n: SyntaxNode, t: number, f: number): void {
    switch (n.type) {
      case 'parenthesized_expression':
        return this.cond(this.inner(n), t, f);
      case 'not_operator':
        return this.cond(this.field(n, 'argument'), f, t);
      case 'boolean_operator': {
        const mid = this.b.newNode();
        const and = this.field(n, 'operator').text === 'and';
        this.cond(this.field(n, 'left'), and ? mid : t, and ? f : mid);
        this.b.cur = mid;
        return this.cond(this.field(n, 'right'), t, f);
      }
      case 'comparison_operator':
        return this.chain(n, t, f);
      default:
        return this.branch(truthy(this.value(n)), t, f, this.span(n));
    }
  }

  /** `a op1 b op2 c ...`: each operand evaluated once, left to right, stopping at the first false. */
  private chain(n: SyntaxNode, t: number, f: number): void {
    const { operands, ops } = this.comparison(n);
    let left = this.value(operands[0]);
    for (let i = 0; i < ops.length; i++) {
      const right = this.value(operands[i + 1]);
      const c: Expr = {
        kind: 'compare',
        type: boolType,
        op: ops[i],
        left: toInt(left),
        right: toInt(right),
      };
      const last = i === ops.length - 1;
      const next = last ? t : this.b.newNode();
      this.branch(c, next, f, this.span(n));
      if (!last) this.b.cur = next;
      left = right;
    }
  }

  private comparison(n: SyntaxNode): { operands: SyntaxNode[]; ops: CompareOp[] } {
    const operands: SyntaxNode[] = [];
    const ops: CompareOp[] = [];
    let pending = '';
    for (const c of n.children) {
      if (c === null || c.type === 'comment') continue;
      if (c.isNamed) {
        if (operands.length > 0) {
          const op = COMPARE[pending];
          if (op === undefined) this.unsupported(n, `the comparison operator '${pending}'`);
          ops.push(op);
        }
        operands.push(c);
        pending = '';
      } else pending = pending === '' ? c.type : `${pending} ${c.type}`;
    }
    return { operands, ops };
  }

  private inner(n: SyntaxNode): SyntaxNode {
    const parts = named(n);
    if (parts.length !== 1) return this.unsupported(n, 'tuples');
    return parts[0];
  }

  // ---- expressions ----

  private tmp(bool: boolean): string {
    return this.b.variable('$t', bool ? boolType : intType, '(temporary)', bool ? 'bool' : 'int');
  }

  /** Several control-flow arms, each ending with a value, joined into one temporary. */
  private join(arms: { node: number | null; v: Val }[], span: SourceSpan): Val {
    const live = arms.filter((a) => a.node !== null);
    const bool = arms.every((a) => a.v.bool);
    const end = this.b.newNode();
    const tmp = this.tmp(bool);
    for (const a of live) {
      this.b.cur = a.node;
      this.b.emit({ kind: 'assign', target: tmp, value: bool ? a.v.e : toInt(a.v) }, span);
      this.b.jump(end, span);
    }
    this.b.cur = end;
    return { e: variable(tmp, bool ? boolType : intType), bool };
  }

  /** A condition-shaped expression as a bool value. */
  private viaCond(n: SyntaxNode): Val {
    const t = this.b.newNode();
    const f = this.b.newNode();
    this.cond(n, t, f);
    return this.join(
      [
        { node: t, v: { e: trueExpr, bool: true } },
        { node: f, v: { e: constant(boolType, 0n), bool: true } },
      ],
      this.span(n),
    );
  }

  value(n: SyntaxNode): Val {
    switch (n.type) {
      case 'parenthesized_expression':
        return this.value(this.inner(n));
      case 'integer': {
        const text = n.text.replace(/_/g, '');
        if (!/^(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|[0-9]+)$/.test(text))
          return this.unsupported(n, 'floating-point and complex numbers');
        if (/^0[0-9]/.test(text) && !/^0+$/.test(text))
          return this.fail(n, 'syntax error: leading zeros in a decimal literal', 'syntax-error');
        return { e: constant(intType, BigInt(/^0+$/.test(text) ? '0' : text)), bool: false };
      }
      case 'true':
        return { e: trueExpr, bool: true };
      case 'false':
        return { e: constant(boolType, 0n), bool: true };
      case 'identifier':
        return this.name(n);
      case 'unary_operator': {
        const op = this.field(n, 'operator').text;
        const v = this.value(this.field(n, 'argument'));
        if (op === '+') return { e: toInt(v), bool: false };
        if (op === '-') {
          const a = toInt(v);
          if (a.kind === 'const') return { e: constant(intType, -a.value), bool: false };
          return { e: { kind: 'unary', type: intType, op: 'neg', arg: a }, bool: false };
        }
        return this.unsupported(n, `the bitwise operator ${op}`);
      }
      case 'not_operator':
        return { e: notExpr(truthy(this.value(this.field(n, 'argument')))), bool: true };
      case 'binary_operator': {
        const opText = this.field(n, 'operator').text;
        const op = ARITH[opText];
        if (op === undefined && opText !== '**') {
          const what =
            opText === '/' ? 'true division / (it gives a float)' : `the operator ${opText}`;
          return this.unsupported(n, what);
        }
        const a = this.value(this.field(n, 'left'));
        const b = this.value(this.field(n, 'right'));
        const e = op === undefined ? this.power(a, b, n) : this.arith(op, a, b, n);
        return { e, bool: false };
      }
      case 'comparison_operator': {
        const { operands, ops } = this.comparison(n);
        if (ops.length > 1) return this.viaCond(n);
        const a = this.value(operands[0]);
        const b = this.value(operands[1]);
        return {
          e: { kind: 'compare', type: boolType, op: ops[0], left: toInt(a), right: toInt(b) },
          bool: true,
        };
      }
      case 'boolean_operator':
        return this.andOr(n);
      case 'conditional_expression': {
        const [x, c, y] = named(n);
        if (x === undefined || c === undefined || y === undefined)
          return this.fail(n, 'syntax error: incomplete conditional expression', 'syntax-error');
        const t = this.b.newNode();
        const f = this.b.newNode();
        this.cond(c, t, f);
        this.b.cur = t;
        const vx = this.value(x);
        const tEnd = this.b.cur;
        this.b.cur = f;
        const vy = this.value(y);
        return this.join(
          [
            { node: tEnd, v: vx },
            { node: this.b.cur, v: vy },
          ],
          this.span(n),
        );
      }
      case 'call': {
        const v = this.call(n, true);
        if (v === null) return this.fail(n, 'internal: call without a value');
        return v;
      }
      default:
        return this.unsupported(n);
    }
  }

  private andOr(n: SyntaxNode): Val {
    const and = this.field(n, 'operator').text === 'and';
    const a = this.value(this.field(n, 'left'));
    const c = truthy(a);
    if (c.kind === 'const') {
      // `x and y` is y when x is truthy, else x (`or` the other way round).
      if ((c.value !== 0n) === and) return this.value(this.field(n, 'right'));
      return a;
    }
    const evalNode = this.b.newNode();
    const shortNode = this.b.newNode();
    this.branch(c, and ? evalNode : shortNode, and ? shortNode : evalNode, this.span(n));
    this.b.cur = evalNode;
    const b = this.value(this.field(n, 'right'));
    return this.join(
      [
        { node: this.b.cur, v: b },
        { node: shortNode, v: a },
      ],
      this.span(n),
    );
  }

  private arith(op: BinaryOp, a: Val, b: Val, n: SyntaxNode): Expr {
    const l = toInt(a);
    const r = toInt(b);
    if (op === 'floordiv' || op === 'floormod') {
      const ok: Expr =
        r.kind === 'const'
          ? constant(boolType, r.value !== 0n ? 1n : 0n)
          : { kind: 'compare', type: boolType, op: 'ne', left: r, right: constant(intType, 0n) };
      this.check(
        'div-by-zero',
        n,
        n.startIndex,
        ok,
        `${shortText(n)}: the divisor is not 0 (else ZeroDivisionError)`,
      );
    }
    return { kind: 'binary', type: intType, op, left: l, right: r };
  }

  /** Whether `name` is Python's builtin in module scope (no def, import or assignment rebinds it). */
  private moduleBuiltin(name: string): boolean {
    return !this.mod.functions.has(name) && !this.mod.bound.has(name) && !this.mod.starImport;
  }

  /** Whether `name` is Python's builtin in the current function. */
  /** `a ** b` with a constant non-negative `b`; anything else is outside the subset. */
  private power(a: Val, b: Val, n: SyntaxNode): Expr {
    const exponent = toInt(b);
    if (exponent.kind !== 'const')
      return this.unsupported(n, 'the power operator ** with an exponent that is not a constant');
    const r = powerExpr(toInt(a), exponent.value, this.temps(n));
    return r.ok ? r.e : this.unsupported(n, r.why);
  }

  /** Keeps a constant or variable; stores anything else in a temporary, so it can be used twice. */
  private temps(n: SyntaxNode): Temps {
    return (e: Expr): Expr =>
      e.kind === 'const' || e.kind === 'var' ? e : this.stable(e, this.span(n));
  }

  private builtin(name: string): boolean {
    return !this.frame.vars.has(name) && this.moduleBuiltin(name);
  }

  private name(n: SyntaxNode): Val {
    const x = n.text;
    const v = this.frame.vars.get(x);
    if (v === undefined) {
      if (this.mod.functions.has(x)) return this.unsupported(n, 'functions used as values');
      return this.fail(
        n,
        `the name ${x} is not a parameter or local of ${this.frame.name}; globals and builtins are not supported by arc's Python subset`,
      );
    }
    if (this.da !== null && !this.da.has(x))
      this.fail(n, `${x} may be read before it is assigned (UnboundLocalError is not modelled)`);
    return { e: variable(v, intType), bool: false };
  }

  /** A call; null when it has no value (a function returning None, print). */
  private call(n: SyntaxNode, wantValue: boolean): Val | null {
    const fnNode = this.field(n, 'function');
    const argList = this.field(n, 'arguments');
    if (fnNode.type !== 'identifier')
      return this.unsupported(fnNode, 'calls of anything but a named function');
    const args = named(argList);
    for (const a of args)
      if (a.type === 'keyword_argument' || a.type.includes('splat'))
        this.unsupported(a, 'keyword and unpacked arguments');
    if (argList.type !== 'argument_list') this.unsupported(argList, 'generator arguments');
    const name = fnNode.text;
    if (name === 'isinstance' && this.builtin('isinstance')) {
      const [x, t] = args;
      if (args.length !== 2 || t.type !== 'identifier' || t.text !== 'int' || !this.builtin('int'))
        return this.unsupported(n, 'isinstance other than isinstance(x, int)');
      this.value(x);
      // Every value of the subset is an int (bool is an int subclass).
      return { e: trueExpr, bool: true };
    }
    if (name === 'print' && this.builtin('print') && !wantValue) {
      for (const a of args)
        if (!(a.type === 'string' && !named(a).some((c) => c.type === 'interpolation')))
          this.value(a);
      this.notes.push(
        diagnostic(
          'ignored-call',
          'note',
          'print() output is ignored (its arguments are evaluated)',
          this.span(n),
        ),
      );
      return null;
    }
    if (INT_BUILTINS.has(name) && this.builtin(name)) return this.intBuiltin(name, args, n);
    const info = this.mod.functions.get(name);
    if (info === undefined || this.frame.vars.has(name) || this.mod.bound.has(name))
      return this.fail(
        fnNode,
        `the call of ${name}: only functions defined in the file and the builtins ${BUILTIN_LIST} are supported by arc's Python subset`,
      );
    const vals = args.map((a) => this.value(a));
    return this.inline(info, vals, n, wantValue);
  }

  /** `abs`, `min`, `max`, `pow`, `int`, `bool` on integers (arguments evaluated left to right). */
  private intBuiltin(name: string, args: SyntaxNode[], n: SyntaxNode): Val {
    const arity = (ok: boolean, expected: string): void => {
      if (!ok)
        this.fail(
          n,
          `${name}() takes ${expected} argument(s) but ${args.length} were given (TypeError)`,
          'type-error',
        );
    };
    const vals = args.map((a) => this.value(a));
    const temps = this.temps(n);
    switch (name) {
      case 'abs':
        arity(vals.length === 1, 'exactly 1');
        return { e: absExpr(toInt(vals[0]), temps), bool: false };
      case 'min':
      case 'max':
        // min(x) of one argument iterates over x: not an integer operation.
        if (vals.length < 2) this.unsupported(n, `${name}() of fewer than two integers`);
        return { e: extremumExpr(name, vals.map(toInt), temps), bool: false };
      case 'pow':
        if (vals.length === 3) this.unsupported(n, 'pow() with a modulus');
        arity(vals.length === 2, '2');
        return { e: this.power(vals[0], vals[1], n), bool: false };
      case 'int':
        // int() is 0; int(x, base) and int of a string are outside the subset.
        if (vals.length > 1) this.unsupported(n, 'int() of anything but one integer');
        return { e: vals.length === 0 ? constant(intType, 0n) : toInt(vals[0]), bool: false };
      default:
        arity(vals.length <= 1, 'at most 1');
        return vals.length === 0
          ? { e: constant(boolType, 0n), bool: true }
          : { e: truthy(vals[0]), bool: true };
    }
  }

  private inline(
    info: PyFunctionInfo,
    args: Val[],
    call: SyntaxNode,
    wantValue: boolean,
  ): Val | null {
    if (this.callStack.includes(info.name))
      this.fail(call, `recursive call of ${info.name} (recursion is not supported)`, 'recursion');
    this.checkDef(info);
    const params = this.paramNames(info.node);
    if (params.length !== args.length)
      this.fail(
        call,
        `${info.name} takes ${params.length} argument(s) but ${args.length} were given (TypeError)`,
        'type-error',
      );
    const body = this.field(info.node, 'body');
    const valued = returnsValue(body);
    if (wantValue && !valued)
      this.fail(call, `${info.name} returns None; using its result is not supported`);
    const vars = new Map<string, string>();
    const span = this.span(call);
    const saved = { frame: this.frame, da: this.da };
    params.forEach((p, i) => {
      const name = this.b.variable(`${info.name}::${p.text}`, intType, p.text, 'int', this.span(p));
      vars.set(p.text, name);
      this.b.emit({ kind: 'assign', target: name, value: toInt(args[i]) }, span);
    });
    for (const x of assignedNames(body, new Set()))
      if (!vars.has(x)) vars.set(x, this.b.variable(`${info.name}::${x}`, intType, x, 'int'));
    const retVar = valued
      ? this.b.variable(`${info.name}::$ret`, intType, `${info.name}()`, 'int')
      : null;
    const paramSet = new Set(params.map((p) => p.text));
    this.frame = {
      name: info.name,
      params: paramSet,
      vars,
      retVar,
      exit: this.b.newNode(),
      loops: [],
    };
    this.da = new Set(paramSet);
    this.callStack.push(info.name);
    this.body(info, body);
    this.callStack.pop();
    this.b.cur = this.frame.exit;
    this.frame = saved.frame;
    this.da = saved.da;
    return retVar === null ? null : { e: variable(retVar, intType), bool: false };
  }
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
