/**
 * The file-level view of a translation unit: typedefs, enum constants,
 * global variables, and declared and defined functions, collected from the
 * syntax tree of the preprocessed text (including system headers).
 *
 * Nothing here fails: a declaration arc cannot model becomes an entry of type
 * `unsupported`, which is only an error if analysed code uses it. Type
 * resolution is lazy for the same reason. Declarations C forbids (a bit-field
 * wider than its type) are collected in `errors` for the lowering to report.
 */
import type { SyntaxNode } from './parser.js';
import {
  integerConstant,
  intTypes,
  isBool,
  keywordIntType,
  layoutOf,
  namedIntType,
  ptrTo,
  typeText,
  voidT,
  type CField,
  type CInt,
  type CStruct,
  type CType,
  type CUnsupported,
  type DataModel,
  type IntTypes,
} from './ctypes.js';

export interface ParamInfo {
  readonly name: string | null;
  readonly type: CType;
  readonly node: SyntaxNode;
}

export interface FunctionInfo {
  readonly name: string;
  readonly returnType: CType;
  readonly params: readonly ParamInfo[];
  readonly variadic: boolean;
  /** Declared with an empty list `f()` (no prototype): any number of arguments may be passed. */
  readonly unprototyped: boolean;
  /** The `function_definition`, or null when only declared. */
  readonly definition: SyntaxNode | null;
  readonly node: SyntaxNode;
}

export interface GlobalInfo {
  readonly name: string;
  readonly type: CType;
  readonly init: SyntaxNode | null;
  readonly node: SyntaxNode;
  readonly isStatic: boolean;
  /** Declared `const` (its initialiser holds for any entry: writing it is undefined). */
  readonly isConst: boolean;
}

export class ProgramInfo {
  readonly T: IntTypes;
  readonly typedefs = new Map<string, CType>();
  readonly enumConsts = new Map<string, bigint>();
  readonly enumTags = new Map<string, CInt>();
  readonly functions = new Map<string, FunctionInfo>();
  readonly globals = new Map<string, GlobalInfo>();
  /** Struct and union types by tag (`struct node`, `union u`); anonymous ones by position. */
  readonly structs = new Map<string, CStruct>();
  /** Names whose address is taken somewhere (`&x`): globals of these names live in memory. */
  readonly addressTakenGlobals = new Set<string>();
  /** Functions used as values (not called directly) anywhere: the targets of calls through pointers. */
  readonly functionValues = new Set<string>();
  /**
   * Declarations C forbids that arc meets while reading types (a bit-field
   * wider than its type, …): bad input, reported when a function is lowered.
   */
  readonly errors: { readonly node: SyntaxNode; readonly message: string }[] = [];

  constructor(
    readonly model: DataModel,
    root: SyntaxNode,
  ) {
    this.T = intTypes(model);
    for (const child of root.namedChildren) this.topLevel(child);
    const fnNames = new Set(this.functions.keys());
    collectUses(root, this.addressTakenGlobals, fnNames, this.functionValues);
  }

  private topLevel(node: SyntaxNode): void {
    switch (node.type) {
      case 'type_definition':
        return this.typedef(node);
      case 'declaration':
        return this.declaration(node);
      case 'function_definition':
        return this.functionDefinition(node);
      case 'enum_specifier':
      case 'struct_specifier':
      case 'union_specifier':
        this.baseType(node, []);
        return;
      case 'linkage_specification':
      case 'preproc_if':
      case 'preproc_ifdef':
        for (const c of node.namedChildren) this.topLevel(c);
        return;
      default:
        return;
    }
  }

  /** Registers the names of a `typedef` (also used for block-scope typedefs, approximated as file scope). */
  typedef(node: SyntaxNode): void {
    const typeNode = node.childForFieldName('type');
    if (!typeNode) return;
    const base = this.baseType(typeNode, qualifiers(node));
    for (const d of node.childrenForFieldName('declarator')) {
      const { name, type } = this.declarator(d, base);
      if (name !== null) this.typedefs.set(name, type);
    }
  }

  private declaration(node: SyntaxNode): void {
    const typeNode = node.childForFieldName('type');
    if (!typeNode) return;
    const base = this.baseType(typeNode, qualifiers(node));
    const storage = storageClasses(node);
    for (const d of node.childrenForFieldName('declarator')) {
      const fd = functionDeclarator(d);
      if (fd) {
        this.functionDeclaration(fd, d, base, null);
        continue;
      }
      const init = d.type === 'init_declarator' ? d.childForFieldName('value') : null;
      const { name, type } = this.declarator(d, base);
      if (name === null || storage.includes('typedef')) continue;
      const prev = this.globals.get(name);
      if (prev && prev.init !== null && init === null) continue;
      // `int a[] = {1, 2}`: the initialiser completes the array type.
      const complete =
        type.kind === 'array' && type.length === null && init !== null
          ? { ...type, length: initLength(init) ?? 0 }
          : type;
      this.globals.set(name, {
        name,
        type: complete,
        init,
        node: d,
        isStatic: storage.includes('static'),
        isConst: objectIsConst(d, qualifiers(node).includes('const')),
      });
    }
  }

  private functionDefinition(node: SyntaxNode): void {
    const typeNode = node.childForFieldName('type');
    const d = node.childForFieldName('declarator');
    if (!typeNode || !d) return;
    const fd = functionDeclarator(d);
    if (!fd) return;
    this.functionDeclaration(fd, d, this.baseType(typeNode, qualifiers(node)), node);
  }

  private functionDeclaration(
    fd: SyntaxNode,
    outer: SyntaxNode,
    base: CType,
    definition: SyntaxNode | null,
  ): void {
    const inner = fd.childForFieldName('declarator');
    const nameNode = inner ? declaredName(inner) : null;
    if (nameNode === null) return;
    const name = nameNode.text;
    const whole = this.declarator(outer, base).type;
    const returnType: CType =
      whole.kind === 'func' ? whole.ret : { kind: 'unsupported', what: 'this function type' };
    const prev = this.functions.get(name);
    if (prev?.definition && !definition) return;
    const { params, variadic } = this.parameters(fd);
    const list = fd.childForFieldName('parameters');
    const unprototyped =
      (list?.namedChildren.filter((c) => c.type !== 'comment').length ?? 0) === 0;
    this.functions.set(name, {
      name,
      returnType,
      params,
      variadic,
      unprototyped,
      definition,
      node: fd,
    });
  }

  private parameters(fd: SyntaxNode): { params: ParamInfo[]; variadic: boolean } {
    const params: ParamInfo[] = [];
    let variadic = false;
    for (const p of fd.childForFieldName('parameters')?.namedChildren ?? []) {
      if (p.type === 'variadic_parameter') variadic = true;
      if (p.type !== 'parameter_declaration') continue;
      const typeNode = p.childForFieldName('type');
      if (!typeNode) continue;
      const base = this.baseType(typeNode, qualifiers(p));
      const d = p.childForFieldName('declarator');
      if (!d) {
        if (base.kind !== 'void') params.push({ name: null, type: decay(base), node: p });
        continue;
      }
      const { name, type } = this.declarator(d, base);
      params.push({ name, type: decay(type), node: p });
    }
    return { params, variadic };
  }

  /** Name and type declared by a declarator over a base type. */
  declarator(d: SyntaxNode, base: CType): { name: string | null; type: CType } {
    switch (d.type) {
      case 'identifier':
      case 'type_identifier':
      case 'field_identifier':
      case 'primitive_type':
        return { name: d.text, type: base };
      case 'pointer_declarator':
      case 'abstract_pointer_declarator': {
        const inner = d.childForFieldName('declarator');
        const quals = d.namedChildren.filter((c) => c.type === 'type_qualifier').map((c) => c.text);
        const p: CType = quals.includes('volatile')
          ? { kind: 'unsupported', what: 'volatile' }
          : ptrTo(base);
        return inner ? this.declarator(inner, p) : { name: null, type: p };
      }
      case 'array_declarator':
      case 'abstract_array_declarator': {
        const inner = d.childForFieldName('declarator');
        const a = this.arrayOf(base, d.childForFieldName('size'));
        return inner ? this.declarator(inner, a) : { name: null, type: a };
      }
      case 'function_declarator':
      case 'abstract_function_declarator': {
        const inner = d.childForFieldName('declarator');
        const { params, variadic } = this.parameters(d);
        const f: CType = { kind: 'func', ret: base, params: params.map((q) => q.type), variadic };
        return inner ? this.declarator(inner, f) : { name: null, type: f };
      }
      case 'init_declarator': {
        const inner = d.childForFieldName('declarator');
        return inner ? this.declarator(inner, base) : { name: null, type: base };
      }
      case 'parenthesized_declarator': {
        const inner = d.namedChildren[0];
        return inner ? this.declarator(inner, base) : { name: null, type: base };
      }
      case 'attributed_declarator': {
        const inner = d.namedChildren[0];
        return inner ? this.declarator(inner, base) : { name: null, type: base };
      }
      default: {
        const inner = d.childForFieldName('declarator');
        const what = DECLARATOR_WHAT[d.type] ?? `the declarator ${d.type}`;
        const r = inner ? this.declarator(inner, base) : { name: null };
        return { name: r.name, type: { kind: 'unsupported', what } };
      }
    }
  }

  /** The type named by a type specifier node (with the declaration's qualifiers). */
  baseType(node: SyntaxNode, quals: readonly string[]): CType {
    if (quals.includes('volatile')) return { kind: 'unsupported', what: 'volatile' };
    if (quals.includes('_Atomic')) return { kind: 'unsupported', what: '_Atomic' };
    switch (node.type) {
      case 'primitive_type':
      case 'type_identifier':
        return this.namedType(node.text);
      case 'sized_type_specifier': {
        const words = node.children.filter((c) => !c.isNamed).map((c) => c.text);
        const inner = node.childForFieldName('type');
        if (inner) words.push(inner.text);
        if (words.includes('double')) return { kind: 'unsupported', what: 'floating point' };
        return keywordIntType(words, this.T) ?? { kind: 'unsupported', what: words.join(' ') };
      }
      case 'enum_specifier':
        return this.enumType(node);
      case 'struct_specifier':
      case 'union_specifier':
        return this.structType(node);
      default:
        return { kind: 'unsupported', what: `the type ${node.text}` };
    }
  }

  /** `base[size]`: a constant size gives a fixed array, any other a variable-length one. */
  private arrayOf(base: CType, size: SyntaxNode | null): CType {
    if (size === null) return { kind: 'array', of: base, length: null };
    const n = this.constValue(size);
    if (n === null) return { kind: 'array', of: base, length: null, vla: size };
    if (n < 0n || n > 1n << 40n) return { kind: 'unsupported', what: `an array of ${n} elements` };
    return { kind: 'array', of: base, length: Number(n) };
  }

  /** A struct or union specifier: the shared type of its tag, completed when it has a body. */
  private structType(node: SyntaxNode): CType {
    const union = node.type === 'union_specifier';
    const tagNode = node.childForFieldName('name');
    const body = node.childForFieldName('body');
    const tag = tagNode?.text ?? `<anonymous@${node.startIndex}>`;
    const key = `${union ? 'union' : 'struct'} ${tag}`;
    let t = this.structs.get(key);
    if (t === undefined) {
      t = { kind: 'struct', union, tag, fields: null, size: 0, align: 1 };
      this.structs.set(key, t);
    }
    if (body && t.fields === null) this.completeStruct(t, body);
    return t;
  }

  /**
   * Lays out a struct or union as gcc does on x86-64 and i386 (System V):
   * members in order at their alignment; bit-fields from the least
   * significant bit, packed into the storage of the ones before them unless
   * the field would span more units of its type's alignment than the type
   * itself has (then it starts at the next such unit); `T : 0` moves to the
   * next unit of T; unnamed bit-fields take no part in the alignment.
   */
  private completeStruct(t: CStruct, body: SyntaxNode): void {
    const members = this.members(body);
    const fields: CField[] = [];
    // A struct: the bits used so far; a union: the largest member, in bits.
    let bitpos = 0;
    let align = 1;
    members.forEach((m, i) => {
      if (m.width !== undefined) {
        const bf = this.bitField(m);
        if (bf === null) return;
        if (bf.kind === 'unsupported') {
          fields.push({ name: m.name, type: bf, offset: Math.ceil(bitpos / 8) });
          return;
        }
        const unit = 8 * bf.align;
        if (bf.width === 0) {
          if (!t.union) bitpos = alignUp(bitpos, unit);
          return;
        }
        let start = t.union ? 0 : bitpos;
        if (Math.floor(((start % unit) + bf.width + unit - 1) / unit) > (8 * bf.size) / unit)
          start = alignUp(start, unit);
        if (m.name !== null) {
          align = Math.max(align, bf.align);
          fields.push({
            name: m.name,
            type: bf.type,
            offset: Math.floor(start / 8),
            bits: { bit: start % 8, width: bf.width },
          });
        }
        bitpos = t.union ? Math.max(bitpos, bf.width) : start + bf.width;
        return;
      }
      const flexible =
        m.type.kind === 'array' && m.type.length === null && i === members.length - 1;
      const l =
        flexible && m.type.kind === 'array'
          ? layoutOf(m.type.of, this.model)
          : layoutOf(m.type, this.model);
      if (l === null) {
        fields.push({ name: m.name, type: m.type, offset: t.union ? 0 : Math.ceil(bitpos / 8) });
        return;
      }
      align = Math.max(align, l.align);
      const bytes = flexible ? 0 : l.size;
      if (t.union) {
        fields.push({ name: m.name, type: m.type, offset: 0 });
        bitpos = Math.max(bitpos, 8 * bytes);
      } else {
        const offset = alignUp(Math.ceil(bitpos / 8), l.align);
        fields.push({ name: m.name, type: m.type, offset });
        bitpos = 8 * (offset + bytes);
      }
    });
    t.size = alignUp(Math.ceil(bitpos / 8), align);
    t.align = align;
    t.fields = fields;
  }

  /**
   * The members a struct body declares, in order; a bit-field has its width
   * expression (tree-sitter gives an unnamed one a missing field_identifier).
   */
  private members(body: SyntaxNode): Member[] {
    const members: Member[] = [];
    for (const f of body.namedChildren) {
      if (f.type !== 'field_declaration') continue;
      const typeNode = f.childForFieldName('type');
      if (!typeNode) continue;
      const base = this.baseType(typeNode, qualifiers(f));
      if (f.childrenForFieldName('declarator').length === 0) {
        // C11 anonymous struct or union member: its members are found through it.
        members.push({ name: null, type: base, node: f });
        continue;
      }
      for (let i = 0; i < f.childCount; i++) {
        const d = f.child(i);
        if (d === null || f.fieldNameForChild(i) !== 'declarator') continue;
        const next = f.child(i + 1);
        const clause = next?.type === 'bitfield_clause' ? next : null;
        const { name, type } = this.declarator(d, base);
        const named = !d.isMissing && name !== null && name !== '';
        const width = clause ? (clause.namedChildren[0] ?? clause) : undefined;
        members.push({
          name: named ? name : null,
          type,
          node: d.isMissing && clause ? clause : d,
          ...(width ? { width } : {}),
        });
      }
    }
    return members;
  }

  /**
   * A bit-field's declared type, its layout and its width; an unsupported
   * type when arc cannot tell; null (and an entry in `errors`) when C
   * forbids it (C11 6.7.2.1p4-5, p12).
   */
  private bitField(
    m: Member,
  ): { kind: 'int'; type: CInt; width: number; size: number; align: number } | CUnsupported | null {
    const what = m.name !== null ? `the bit-field ${m.name}` : 'an unnamed bit-field';
    const t = m.type;
    if (t.kind === 'unsupported') return t;
    if (t.kind !== 'int') {
      this.errors.push({
        node: m.node,
        message: `${what} has type ${typeText(t)}, not an integer type`,
      });
      return null;
    }
    const n = m.width ? this.constValue(m.width) : null;
    if (n === null) return { kind: 'unsupported', what: `the width of ${what}` };
    const typeWidth = isBool(t) ? 1 : t.width;
    const l = layoutOf(t, this.model);
    if (l === null) return { kind: 'unsupported', what: `the type of ${what}` };
    const fail = (message: string): null => {
      this.errors.push({ node: m.node, message });
      return null;
    };
    if (n < 0n) return fail(`${what} has a negative width (${n})`);
    if (n > BigInt(typeWidth))
      return fail(
        `the width of ${what} (${n} bits) exceeds its type ${t.name} (${typeWidth} bit${typeWidth === 1 ? '' : 's'})`,
      );
    if (n === 0n && m.name !== null)
      return fail(`${what} has width 0 (only an unnamed bit-field may)`);
    return { kind: 'int', type: t, width: Number(n), size: l.size, align: l.align };
  }

  namedType(name: string): CType {
    if (name === 'void') return voidT;
    const td = this.typedefs.get(name);
    if (td) return td;
    const known = namedIntType(name, this.T, this.model);
    if (known) return known;
    if (FLOATS.has(name)) return { kind: 'unsupported', what: 'floating point' };
    return { kind: 'unsupported', what: `the type ${name}` };
  }

  private enumType(node: SyntaxNode): CType {
    const tag = node.childForFieldName('name')?.text ?? null;
    const body = node.childForFieldName('body');
    if (!body) {
      const known = tag !== null ? this.enumTags.get(tag) : undefined;
      return known ?? { kind: 'unsupported', what: `the incomplete enum ${tag ?? ''}` };
    }
    let next = 0n;
    let negative = false;
    for (const e of body.namedChildren) {
      if (e.type !== 'enumerator') continue;
      const valueNode = e.childForFieldName('value');
      const v = valueNode ? this.constValue(valueNode) : next;
      if (v === null || v < -(1n << 31n) || v >= 1n << 31n)
        return { kind: 'unsupported', what: 'an enum constant that is not a small int' };
      const name = e.childForFieldName('name')?.text;
      if (name) this.enumConsts.set(name, v);
      if (v < 0n) negative = true;
      next = v + 1n;
    }
    const base = negative ? this.T.int : this.T.uint;
    const t: CInt = { ...base, name: tag !== null ? `enum ${tag}` : base.name };
    if (tag !== null) this.enumTags.set(tag, t);
    return t;
  }

  /** Value of an integer constant expression in enum declarations, or null. */
  constValue(node: SyntaxNode): bigint | null {
    switch (node.type) {
      case 'number_literal': {
        // tree-sitter folds a sign into a number literal: `-1` is `-(1)` in C.
        const m = /^([-+])\s*(.*)$/s.exec(node.text);
        const c = integerConstant(m ? m[2] : node.text, this.T);
        return c.ok ? (m?.[1] === '-' ? -c.value : c.value) : null;
      }
      case 'char_literal':
        return charValue(node.text);
      case 'identifier':
        return this.enumConsts.get(node.text) ?? null;
      case 'parenthesized_expression':
        return node.namedChildren[0] ? this.constValue(node.namedChildren[0]) : null;
      case 'unary_expression': {
        const a = this.constValue(node.childForFieldName('argument') ?? node);
        const op = node.childForFieldName('operator')?.text;
        if (a === null) return null;
        return op === '-' ? -a : op === '+' ? a : op === '~' ? ~a : null;
      }
      case 'binary_expression':
        return this.constBinary(node);
      default:
        return null;
    }
  }

  private constBinary(node: SyntaxNode): bigint | null {
    const l = node.childForFieldName('left');
    const r = node.childForFieldName('right');
    const a = l ? this.constValue(l) : null;
    const b = r ? this.constValue(r) : null;
    if (a === null || b === null) return null;
    switch (node.childForFieldName('operator')?.text) {
      case '+':
        return a + b;
      case '-':
        return a - b;
      case '*':
        return a * b;
      case '<<':
        return b >= 0n && b < 31n ? a << b : null;
      case '|':
        return a | b;
      case '&':
        return a & b;
      default:
        return null;
    }
  }
}

/** Elements given by an array initialiser (a list or a string literal), or null. */
export function initLength(init: SyntaxNode): number | null {
  if (init.type === 'string_literal' || init.type === 'concatenated_string') {
    const parts =
      init.type === 'concatenated_string'
        ? init.namedChildren.filter((c) => c.type === 'string_literal')
        : [init];
    let n = 1;
    for (const p of parts) n += stringLength(p.text);
    return n;
  }
  if (init.type !== 'initializer_list') return null;
  let n = 0;
  let at = 0;
  for (const c of init.namedChildren) {
    if (c.type === 'comment') continue;
    if (c.type === 'initializer_pair') {
      const d = c.childForFieldName('designator') ?? c.namedChildren[0];
      const idx = d?.type === 'subscript_designator' ? d.namedChildren[0] : null;
      const v = idx ? constNumber(idx.text) : null;
      if (v !== null) at = v;
    }
    at++;
    n = Math.max(n, at);
  }
  return n;
}

function constNumber(text: string): number | null {
  return /^[0-9]+$/.test(text)
    ? Number(text)
    : /^0[xX][0-9a-fA-F]+$/.test(text)
      ? Number(text)
      : null;
}

/** Characters of a string literal's text (escapes counted as one). */
function stringLength(text: string): number {
  const body = text.replace(/^[LuU8]*"/, '').replace(/"$/, '');
  return body.replace(/\\(x[0-9a-fA-F]+|[0-7]{1,3}|.)/g, 'x').length;
}

/**
 * Whether the object a declarator declares is itself `const`: the qualifier of
 * the pointer level nearest the name (`int *const p`, `int (*const t[3])(int)`),
 * or, with no pointer level, the declaration's own (`const int a[3]`).
 */
export function objectIsConst(d: SyntaxNode, declConst: boolean): boolean {
  let nearest: SyntaxNode | null = null;
  let n: SyntaxNode | null = d;
  while (n !== null) {
    if (n.type === 'pointer_declarator') nearest = n;
    if (n.type === 'identifier' || n.type === 'field_identifier') break;
    n =
      n.childForFieldName('declarator') ??
      (n.type === 'parenthesized_declarator' ? (n.namedChildren[0] ?? null) : null);
  }
  if (nearest === null) return declConst;
  return nearest.namedChildren.some((c) => c.type === 'type_qualifier' && c.text === 'const');
}

/** Names `&x` takes the address of, anywhere under `node`. */
export function namesUnderAddressOf(node: SyntaxNode): Set<string> {
  const out = new Set<string>();
  const stack: SyntaxNode[] = [node];
  while (stack.length > 0) {
    const n = stack.pop() as SyntaxNode;
    if (n.type === 'pointer_expression' && n.childForFieldName('operator')?.text === '&') {
      let a = n.childForFieldName('argument');
      while (a?.type === 'parenthesized_expression') a = a.namedChildren[0] ?? null;
      if (a?.type === 'identifier') out.add(a.text);
    }
    for (const c of n.namedChildren) stack.push(c);
  }
  return out;
}

/** Declarator positions: an identifier there declares a name, it does not use one. */
const DECLARING = new Set([
  'function_declarator',
  'pointer_declarator',
  'array_declarator',
  'parenthesized_declarator',
  'parameter_declaration',
  'declaration',
  'attributed_declarator',
  'field_declaration',
]);

/** Names whose address is taken, and functions used as values, anywhere in the unit. */
function collectUses(
  root: SyntaxNode,
  addressTaken: Set<string>,
  functions: ReadonlySet<string>,
  functionValues: Set<string>,
): void {
  const stack: SyntaxNode[] = [root];
  while (stack.length > 0) {
    const n = stack.pop() as SyntaxNode;
    if (n.type === 'pointer_expression' && n.childForFieldName('operator')?.text === '&') {
      let a = n.childForFieldName('argument');
      while (a?.type === 'parenthesized_expression') a = a.namedChildren[0] ?? null;
      if (a?.type === 'identifier') addressTaken.add(a.text);
    }
    if (n.type === 'identifier' && functions.has(n.text)) {
      const parent = n.parent;
      const isCallee =
        parent?.type === 'call_expression' &&
        parent.childForFieldName('function')?.startIndex === n.startIndex;
      const declares =
        parent === null ||
        DECLARING.has(parent.type) ||
        (parent.type === 'init_declarator' &&
          parent.childForFieldName('declarator')?.startIndex === n.startIndex);
      if (!isCallee && !declares) functionValues.add(n.text);
    }
    for (const c of n.namedChildren) stack.push(c);
  }
}

/** A member as declared; `width`: a bit-field's width expression. */
interface Member {
  readonly name: string | null;
  readonly type: CType;
  readonly node: SyntaxNode;
  readonly width?: SyntaxNode;
}

function alignUp(n: number, a: number): number {
  return Math.ceil(n / a) * a;
}

/** A parameter's adjusted type (C11 6.7.6.3p7-8): arrays and functions become pointers. */
export function decay(t: CType): CType {
  if (t.kind === 'array') return ptrTo(t.of);
  if (t.kind === 'func') return ptrTo(t);
  return t;
}

const FLOATS = new Set(['float', 'double', '_Float128', '__float128', '_Complex']);

const DECLARATOR_WHAT: Record<string, string> = {
  pointer_declarator: 'pointers',
  abstract_pointer_declarator: 'pointers',
  array_declarator: 'arrays',
  abstract_array_declarator: 'arrays',
  function_declarator: 'function pointers',
  abstract_function_declarator: 'function pointers',
};

/** Qualifier keywords (`const`, `volatile`) of a declaration-like node. */
export function qualifiers(node: SyntaxNode): string[] {
  const out: string[] = [];
  for (const c of node.namedChildren) if (c.type === 'type_qualifier') out.push(c.text);
  return out;
}

export function storageClasses(node: SyntaxNode): string[] {
  const out: string[] = [];
  for (const c of node.namedChildren) if (c.type === 'storage_class_specifier') out.push(c.text);
  if (node.type === 'type_definition') out.push('typedef');
  return out;
}

/** The function_declarator directly under a declarator (through parentheses and attributes). */
export function functionDeclarator(d: SyntaxNode): SyntaxNode | null {
  if (d.type === 'function_declarator') {
    const inner = d.childForFieldName('declarator');
    return inner && declaredName(inner) !== null ? d : null;
  }
  if (d.type === 'pointer_declarator' || d.type === 'attributed_declarator') {
    const inner = d.childForFieldName('declarator') ?? d.namedChildren[0];
    return inner ? functionDeclarator(inner) : null;
  }
  return null;
}

/** The identifier a declarator is, through parentheses (`f`, `(f)`); null for anything else. */
export function declaredName(d: SyntaxNode): SyntaxNode | null {
  let n: SyntaxNode | undefined = d;
  while (n?.type === 'parenthesized_declarator') {
    const inner: SyntaxNode[] = n.namedChildren.filter((c) => c.type !== 'comment');
    n = inner.length === 1 ? inner[0] : undefined;
  }
  return n?.type === 'identifier' ? n : null;
}

/** The one-character escapes of C character and string literals (`\n`, `\t`, …). */
export const CHAR_ESCAPES: Readonly<Record<string, number>> = {
  n: 10,
  t: 9,
  r: 13,
  '0': 0,
  a: 7,
  b: 8,
  f: 12,
  v: 11,
  '\\': 92,
  "'": 39,
  '"': 34,
  '?': 63,
};

/** Value (as an int, plain char being signed) of a one-character constant, or null. */
export function charValue(text: string): bigint | null {
  const m = /^'(.*)'$/s.exec(text);
  if (!m) return null;
  const body = m[1];
  let code: number | null = null;
  if (body.length === 1 && body !== '\\') code = body.charCodeAt(0);
  else if (/^\\[0-7]{1,3}$/.test(body)) code = parseInt(body.slice(1), 8);
  else if (/^\\x[0-9a-fA-F]+$/.test(body)) code = parseInt(body.slice(2), 16);
  else if (body.length === 2 && body[0] === '\\' && body[1] in CHAR_ESCAPES)
    code = CHAR_ESCAPES[body[1]];
  if (code === null || code > 255) return null;
  return BigInt(code >= 128 ? code - 256 : code);
}
