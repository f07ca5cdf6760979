/**
 * Packet sets as unions of boxes: the exact set of headers a formula of the
 * symbolic engine admits, written as ranges of protocols, ports and
 * addresses (`arc net explain`, `arc net exposed`).
 *
 * The formulas `symbolic/` builds compare one header field at a time with
 * constants: an address in a CIDR block (a prefix `extract` equal to a
 * constant), a port in a range (`bvule` both ways), a field equal to a
 * constant, sometimes through an `ite` over fields (the reply's ports). Each
 * such atom is an interval of one field. This module reads a formula into a
 * small hash-consed form over interval atoms (`fromTerm`; anything else is
 * refused with `UnsupportedFormula`, never guessed) and decides it field by
 * field: the atoms' bounds cut a field's domain into elementary intervals on
 * which every atom of that field is constant, so fixing the field to one
 * elementary interval makes those atoms true or false. Intervals that leave
 * the same residual formula are grouped, so the result is a list of disjoint
 * boxes — one range list per field, a field absent from a box being
 * unconstrained — whose union is exactly the formula's set. The last field
 * is not cut but computed directly as an interval set (union, intersection,
 * complement), so thousands of point exclusions (the snapshot's own public
 * addresses, excluded from "the internet") cost a sort, not a split.
 *
 * Exactness is not taken on trust: callers re-check `formula ⇔ union of
 * boxes` with Z3 (`boxesTerm`) and replay one packet of each box through the
 * concrete forwarder.
 */
import {
  bvCompare,
  bvConst,
  conjunction,
  disjunction,
  eq,
  falseTerm,
  type Term,
} from '../smt/index.js';
import { formatIpv4, NON_PUBLIC } from '../core/ip.js';
import { ownedPublicIps } from './lookup.js';
import type { NetworkModel } from './model.js';
import type { SymPacket } from './symbolic/packet.js';

/** A header field, named as the symbolic engine's variables are. */
export type Field = 'src_ip' | 'dst_ip' | 'protocol' | 'src_port' | 'dst_port';

export const FIELDS: readonly Field[] = ['dst_ip', 'protocol', 'dst_port', 'src_port', 'src_ip'];

const WIDTH: Readonly<Record<Field, number>> = {
  src_ip: 32,
  dst_ip: 32,
  protocol: 8,
  src_port: 16,
  dst_port: 16,
};

const BIT: Readonly<Record<Field, number>> = {
  src_ip: 1,
  dst_ip: 2,
  protocol: 4,
  src_port: 8,
  dst_port: 16,
};

export function fieldMax(f: Field): number {
  return 2 ** WIDTH[f] - 1;
}

function isField(name: string): name is Field {
  return Object.hasOwn(WIDTH, name);
}

/** A closed interval of field values. */
export interface Range {
  readonly lo: number;
  readonly hi: number;
}

/** Sorted, disjoint, non-adjacent ranges. */
export type RangeSet = readonly Range[];

/** A product of range sets; an absent field is unconstrained. */
export type Box = Partial<Record<Field, RangeSet>>;

/** A formula this module cannot read (a comparison of two fields, a signed comparison, …). */
export class UnsupportedFormula extends Error {}

// ---------------------------------------------------------------- range sets

/** The union of range lists (any order, overlapping allowed). */
export function unionRanges(lists: readonly RangeSet[]): RangeSet {
  const all = lists.flat().sort((a, b) => a.lo - b.lo);
  const out: Range[] = [];
  for (const r of all) {
    const last = out[out.length - 1];
    if (last !== undefined && r.lo <= last.hi + 1) {
      if (r.hi > last.hi) out[out.length - 1] = { lo: last.lo, hi: r.hi };
    } else out.push(r);
  }
  return out;
}

export function complementRanges(set: RangeSet, max: number): RangeSet {
  const out: Range[] = [];
  let next = 0;
  for (const r of set) {
    if (r.lo > next) out.push({ lo: next, hi: r.lo - 1 });
    next = r.hi + 1;
  }
  if (next <= max) out.push({ lo: next, hi: max });
  return out;
}

export function rangesContain(set: RangeSet, v: number): boolean {
  return set.some((r) => r.lo <= v && v <= r.hi);
}

// ---------------------------------------------------------------- nodes

type Node =
  | { readonly id: number; readonly kind: 'const'; readonly value: boolean; readonly dims: 0 }
  | {
      readonly id: number;
      readonly kind: 'atom';
      readonly field: Field;
      readonly lo: number;
      readonly hi: number;
      readonly dims: number;
    }
  | {
      readonly id: number;
      readonly kind: 'and' | 'or';
      readonly args: readonly Node[];
      readonly dims: number;
    }
  | { readonly id: number; readonly kind: 'not'; readonly arg: Node; readonly dims: number };

/** One side of a bit-vector comparison, by cases: a constant or the top bits of a field (`value >>> shift`). */
type Leaf =
  | { readonly kind: 'const'; readonly value: number }
  | { readonly kind: 'field'; readonly field: Field; readonly shift: number };

interface Case {
  readonly guard: Node;
  readonly leaf: Leaf;
}

export interface PacketSetOptions {
  /** Refuse (UnsupportedFormula) when a set needs more boxes than this. */
  readonly maxBoxes?: number;
}

/** A formula read into interval atoms; opaque outside this module. */
export interface PacketFormula {
  readonly node: Node;
}

/**
 * The hash-consing table and memos. One per question (or per batch of
 * questions sharing subformulas, as `exposed` does): nodes from different
 * instances must not be mixed.
 */
export class PacketSets {
  private readonly table = new Map<string, Node>();
  private nextId = 0;
  private readonly terms = new WeakMap<Term, Node>();
  private readonly setMemo = new Map<number, RangeSet>();
  private readonly boxMemo = new Map<number, readonly Box[]>();
  private readonly maxBoxes: number;
  readonly T: Node;
  readonly F: Node;

  constructor(options: PacketSetOptions = {}) {
    this.maxBoxes = options.maxBoxes ?? 20_000;
    this.T = this.intern('T', (id) => ({ id, kind: 'const', value: true, dims: 0 }));
    this.F = this.intern('F', (id) => ({ id, kind: 'const', value: false, dims: 0 }));
  }

  private intern(key: string, make: (id: number) => Node): Node {
    let n = this.table.get(key);
    if (n === undefined) {
      n = make(this.nextId++);
      this.table.set(key, n);
    }
    return n;
  }

  atom(field: Field, lo: number, hi: number): Node {
    const max = fieldMax(field);
    const l = Math.max(0, lo);
    const h = Math.min(max, hi);
    if (l > h) return this.F;
    if (l === 0 && h === max) return this.T;
    return this.intern(`a${field}:${l}:${h}`, (id) => ({
      id,
      kind: 'atom',
      field,
      lo: l,
      hi: h,
      dims: BIT[field],
    }));
  }

  not(a: Node): Node {
    if (a.kind === 'const') return a.value ? this.F : this.T;
    if (a.kind === 'not') return a.arg;
    return this.intern(`!${a.id}`, (id) => ({ id, kind: 'not', arg: a, dims: a.dims }));
  }

  and(args: readonly Node[]): Node {
    return this.junction('and', args);
  }

  or(args: readonly Node[]): Node {
    return this.junction('or', args);
  }

  private junction(kind: 'and' | 'or', args: readonly Node[]): Node {
    const unit = kind === 'and' ? this.T : this.F;
    const zero = kind === 'and' ? this.F : this.T;
    const kept = new Map<number, Node>();
    const stack = [...args];
    while (stack.length > 0) {
      const a = stack.pop() as Node;
      if (a === zero) return zero;
      if (a === unit) continue;
      if (a.kind === kind) stack.push(...a.args);
      else kept.set(a.id, a);
    }
    for (const a of kept.values()) if (a.kind === 'not' && kept.has(a.arg.id)) return zero;
    if (kept.size === 0) return unit;
    if (kept.size === 1) return [...kept.values()][0];
    const sorted = [...kept.values()].sort((x, y) => x.id - y.id);
    let dims = 0;
    for (const a of sorted) dims |= a.dims;
    return this.intern(
      `${kind === 'and' ? '&' : '|'}${sorted.map((a) => a.id).join(',')}`,
      (id) => ({
        id,
        kind,
        args: sorted,
        dims,
      }),
    );
  }

  // ------------------------------------------------------------ reading terms

  /** Reads a Boolean formula over the header variables; throws UnsupportedFormula for anything else. */
  read(t: Term): PacketFormula {
    return { node: this.fromTerm(t) };
  }

  private fromTerm(t: Term): Node {
    const hit = this.terms.get(t);
    if (hit !== undefined) return hit;
    const n = this.convert(t);
    this.terms.set(t, n);
    return n;
  }

  private convert(t: Term): Node {
    if (t.kind === 'const') {
      if (t.sort.kind !== 'bool')
        throw new UnsupportedFormula('a non-Boolean constant as a formula');
      return t.value === 1n ? this.T : this.F;
    }
    if (t.kind === 'var') throw new UnsupportedFormula(`a Boolean variable ${t.name}`);
    const a = t.args;
    switch (t.op) {
      case 'not':
        return this.not(this.fromTerm(a[0]));
      case 'and':
        return this.and(a.map((x) => this.fromTerm(x)));
      case 'or':
        return this.or(a.map((x) => this.fromTerm(x)));
      case 'xor':
      case 'ite':
        if (t.sort.kind === 'bool') {
          if (t.op === 'xor') {
            const x = this.fromTerm(a[0]);
            const y = this.fromTerm(a[1]);
            return this.or([this.and([x, this.not(y)]), this.and([this.not(x), y])]);
          }
          const c = this.fromTerm(a[0]);
          return this.or([
            this.and([c, this.fromTerm(a[1])]),
            this.and([this.not(c), this.fromTerm(a[2])]),
          ]);
        }
        break;
      case '=':
        if (a[0].sort.kind === 'bool') {
          const x = this.fromTerm(a[0]);
          const y = this.fromTerm(a[1]);
          return this.or([this.and([x, y]), this.and([this.not(x), this.not(y)])]);
        }
        return this.compare('=', a[0], a[1]);
      case 'bvule':
      case 'bvult':
        return this.compare(t.op, a[0], a[1]);
      default:
        break;
    }
    throw new UnsupportedFormula(`the operator ${t.op}`);
  }

  private cases(t: Term): Case[] {
    if (t.kind === 'const')
      return [{ guard: this.T, leaf: { kind: 'const', value: Number(t.value) } }];
    if (t.kind === 'var') {
      if (!isField(t.name) || t.sort.kind !== 'bv' || t.sort.width !== WIDTH[t.name])
        throw new UnsupportedFormula(`the variable ${t.name}`);
      return [{ guard: this.T, leaf: { kind: 'field', field: t.name, shift: 0 } }];
    }
    if (t.op === 'ite') {
      const c = this.fromTerm(t.args[0]);
      const nc = this.not(c);
      return [
        ...this.cases(t.args[1]).map((x) => ({ guard: this.and([c, x.guard]), leaf: x.leaf })),
        ...this.cases(t.args[2]).map((x) => ({ guard: this.and([nc, x.guard]), leaf: x.leaf })),
      ];
    }
    if (t.op === 'extract') {
      const [hi, lo] = t.indices;
      const width = hi - lo + 1;
      return this.cases(t.args[0]).map((x) => {
        const leaf = x.leaf;
        if (leaf.kind === 'const')
          return {
            guard: x.guard,
            leaf: { kind: 'const', value: Math.floor(leaf.value / 2 ** lo) % 2 ** width },
          };
        // Only the top bits of a field (a prefix): value >>> (shift + lo), with hi at the top.
        if (leaf.shift + hi !== WIDTH[leaf.field] - 1)
          throw new UnsupportedFormula(`an extract of ${leaf.field} that is not a prefix`);
        return {
          guard: x.guard,
          leaf: { kind: 'field', field: leaf.field, shift: leaf.shift + lo },
        };
      });
    }
    throw new UnsupportedFormula(`the bit-vector operator ${t.op}`);
  }

  private compare(op: '=' | 'bvule' | 'bvult', x: Term, y: Term): Node {
    const out: Node[] = [];
    for (const a of this.cases(x))
      for (const b of this.cases(y)) {
        const guard = this.and([a.guard, b.guard]);
        if (guard === this.F) continue;
        out.push(this.and([guard, this.leafCompare(op, a.leaf, b.leaf)]));
      }
    return this.or(out);
  }

  private leafCompare(op: '=' | 'bvule' | 'bvult', a: Leaf, b: Leaf): Node {
    if (a.kind === 'const' && b.kind === 'const') {
      const r =
        op === '=' ? a.value === b.value : op === 'bvule' ? a.value <= b.value : a.value < b.value;
      return r ? this.T : this.F;
    }
    if (a.kind === 'field' && b.kind === 'field') {
      if (a.field !== b.field || a.shift !== b.shift)
        throw new UnsupportedFormula(`a comparison of ${a.field} with ${b.field}`);
      return op === 'bvult' ? this.F : this.T;
    }
    // field (top bits, value >>> shift) against a constant k: an interval of the field.
    const field = a.kind === 'field' ? a : (b as Extract<Leaf, { kind: 'field' }>);
    const k = a.kind === 'const' ? a.value : (b as Extract<Leaf, { kind: 'const' }>).value;
    const unit = 2 ** field.shift;
    const low = (v: number) => v * unit;
    const high = (v: number) => v * unit + unit - 1;
    const top = fieldMax(field.field);
    const f = field.field;
    if (op === '=') return this.atom(f, low(k), high(k));
    const fieldLeft = a.kind === 'field';
    if (op === 'bvule') return fieldLeft ? this.atom(f, 0, high(k)) : this.atom(f, low(k), top);
    // bvult
    return fieldLeft
      ? k === 0
        ? this.F
        : this.atom(f, 0, high(k - 1))
      : this.atom(f, low(k + 1), top);
  }

  // ------------------------------------------------------------ deciding

  /** The node with `field` fixed to `value` (atoms of that field become constants). */
  private restrict(n: Node, field: Field, value: number, memo: Map<number, Node>): Node {
    if ((n.dims & BIT[field]) === 0) return n;
    const hit = memo.get(n.id);
    if (hit !== undefined) return hit;
    let r: Node;
    switch (n.kind) {
      case 'const':
        r = n;
        break;
      case 'atom':
        r = n.lo <= value && value <= n.hi ? this.T : this.F;
        break;
      case 'not':
        r = this.not(this.restrict(n.arg, field, value, memo));
        break;
      case 'and':
      case 'or':
        r = this.junction(
          n.kind,
          n.args.map((x) => this.restrict(x, field, value, memo)),
        );
        break;
    }
    memo.set(n.id, r);
    return r;
  }

  /** The node with `field` fixed to `value`, for a node read elsewhere. */
  fix(f: PacketFormula, field: Field, value: number): PacketFormula {
    return { node: this.restrict(f.node, field, value, new Map()) };
  }

  private breakpoints(n: Node, field: Field): number[] {
    const bit = BIT[field];
    const seen = new Set<number>();
    const points = new Set<number>([0]);
    const max = fieldMax(field);
    const stack = [n];
    while (stack.length > 0) {
      const x = stack.pop() as Node;
      if ((x.dims & bit) === 0 || seen.has(x.id)) continue;
      seen.add(x.id);
      if (x.kind === 'atom') {
        if (x.field !== field) continue;
        points.add(x.lo);
        if (x.hi < max) points.add(x.hi + 1);
      } else if (x.kind === 'not') stack.push(x.arg);
      else if (x.kind === 'and' || x.kind === 'or') stack.push(...x.args);
    }
    return [...points].sort((a, b) => a - b);
  }

  /** The set of values of `field` satisfying a node that constrains no other field. */
  private valueSet(n: Node, field: Field): RangeSet {
    const max = fieldMax(field);
    if (n.kind === 'const') return n.value ? [{ lo: 0, hi: max }] : [];
    const hit = this.setMemo.get(n.id);
    if (hit !== undefined) return hit;
    let r: RangeSet;
    switch (n.kind) {
      case 'atom':
        r = [{ lo: n.lo, hi: n.hi }];
        break;
      case 'not':
        r = complementRanges(this.valueSet(n.arg, field), max);
        break;
      case 'or':
        r = unionRanges(n.args.map((x) => this.valueSet(x, field)));
        break;
      case 'and':
        r = complementRanges(
          unionRanges(n.args.map((x) => complementRanges(this.valueSet(x, field), max))),
          max,
        );
        break;
    }
    this.setMemo.set(n.id, r);
    return r;
  }

  /**
   * What the formula leaves for the other fields once `field` is fixed, as a
   * key: formulas with the same key differ only in `field` (interfaces with
   * the same filters, at different addresses).
   */
  classOf(f: PacketFormula, field: Field): string {
    const points = this.breakpoints(f.node, field);
    const ids = new Set<number>();
    for (const p of points) {
      const child = this.restrict(f.node, field, p, new Map());
      if (child !== this.F) ids.add(child.id);
    }
    return [...ids].sort((a, b) => a - b).join(',');
  }

  /** Is the set empty? */
  isEmpty(f: PacketFormula): boolean {
    return this.boxes(f).length === 0;
  }

  /** Disjoint boxes whose union is exactly the formula's set (fields cut in FIELDS order). */
  boxes(f: PacketFormula): readonly Box[] {
    return this.boxesOf(f.node, 0);
  }

  private boxesOf(n: Node, from: number): readonly Box[] {
    if (n === this.F) return [];
    if (n === this.T) return [{}];
    const hit = this.boxMemo.get(n.id);
    if (hit !== undefined) return hit;
    let i = from;
    while (i < FIELDS.length && (n.dims & BIT[FIELDS[i]]) === 0) i++;
    if (i === FIELDS.length) throw new Error('internal error (packetset): a node over no field');
    const field = FIELDS[i];
    let out: Box[];
    if (n.dims === BIT[field]) {
      const set = this.valueSet(n, field);
      out = set.length === 0 ? [] : [{ [field]: set }];
    } else {
      const points = this.breakpoints(n, field);
      const max = fieldMax(field);
      const groups = new Map<number, { child: Node; ranges: Range[] }>();
      for (let k = 0; k < points.length; k++) {
        const lo = points[k];
        const hi = k + 1 < points.length ? points[k + 1] - 1 : max;
        const child = this.restrict(n, field, lo, new Map());
        if (child === this.F) continue;
        let g = groups.get(child.id);
        if (g === undefined) {
          g = { child, ranges: [] };
          groups.set(child.id, g);
        }
        const last = g.ranges[g.ranges.length - 1];
        if (last !== undefined && last.hi + 1 === lo)
          g.ranges[g.ranges.length - 1] = { lo: last.lo, hi };
        else g.ranges.push({ lo, hi });
      }
      out = [];
      for (const g of groups.values())
        for (const b of this.boxesOf(g.child, i + 1)) {
          out.push({ ...b, [field]: g.ranges });
          if (out.length > this.maxBoxes)
            throw new UnsupportedFormula(`a packet set of more than ${this.maxBoxes} boxes`);
        }
    }
    this.boxMemo.set(n.id, out);
    return out;
  }
}

// ---------------------------------------------------------------- back to terms, samples, text

function headerField(h: SymPacket, f: Field): Term {
  switch (f) {
    case 'src_ip':
      return h.srcIp;
    case 'dst_ip':
      return h.dstIp;
    case 'protocol':
      return h.proto;
    case 'src_port':
      return h.sport;
    case 'dst_port':
      return h.dport;
  }
}

function rangeTerm(t: Term, width: number, r: Range): Term {
  if (r.lo === r.hi) return eq(t, bvConst(width, BigInt(r.lo)));
  const parts: Term[] = [];
  if (r.lo > 0) parts.push(bvCompare('bvule', bvConst(width, BigInt(r.lo)), t));
  if (r.hi < 2 ** width - 1) parts.push(bvCompare('bvule', t, bvConst(width, BigInt(r.hi))));
  return conjunction(parts);
}

/** The union of boxes as a formula over the symbolic header (for the Z3 re-check). */
export function boxesTerm(boxes: readonly Box[], h: SymPacket): Term {
  if (boxes.length === 0) return falseTerm;
  return disjunction(
    boxes.map((b) =>
      conjunction(
        FIELDS.filter((f) => b[f] !== undefined).map((f) =>
          disjunction((b[f] as RangeSet).map((r) => rangeTerm(headerField(h, f), WIDTH[f], r))),
        ),
      ),
    ),
  );
}

/** A value of a range set, preferring `prefer` when it is in the set. */
function pick(set: RangeSet | undefined, prefer: readonly number[]): number {
  for (const p of prefer) if (set === undefined || rangesContain(set, p)) return p;
  return set === undefined || set.length === 0 ? 0 : set[0].lo;
}

/** One header of a box (field name → value), with ordinary ports where the box allows them. */
export function sampleOf(box: Box): Map<string, bigint> {
  const v = new Map<string, bigint>();
  const proto = pick(box.protocol, [6, 17, 1]);
  v.set('protocol', BigInt(proto));
  v.set('src_ip', BigInt(pick(box.src_ip, [])));
  v.set('dst_ip', BigInt(pick(box.dst_ip, [])));
  const icmp = proto === 1;
  v.set('src_port', BigInt(pick(box.src_port, icmp ? [8, 0] : [49152, 1024])));
  v.set('dst_port', BigInt(pick(box.dst_port, icmp ? [0] : [443, 80, 22])));
  return v;
}

const PROTOCOL_NAMES: Readonly<Record<number, string>> = { 1: 'icmp', 6: 'tcp', 17: 'udp' };

function rangeText(f: Field, r: Range): string {
  if (f === 'src_ip' || f === 'dst_ip') {
    if (r.lo === r.hi) return formatIpv4(r.lo);
    const size = r.hi - r.lo + 1;
    const len = 32 - Math.log2(size);
    if (Number.isInteger(len) && r.lo % size === 0) return `${formatIpv4(r.lo)}/${len}`;
    return `${formatIpv4(r.lo)}-${formatIpv4(r.hi)}`;
  }
  if (f === 'protocol') {
    const name = (p: number) => PROTOCOL_NAMES[p] ?? String(p);
    return r.lo === r.hi ? name(r.lo) : `${name(r.lo)}-${name(r.hi)}`;
  }
  return r.lo === r.hi ? String(r.lo) : `${r.lo}-${r.hi}`;
}

/** A named set of values (e.g. the internet's addresses) that texts may refer to. */
export interface NamedSet {
  readonly field: Field;
  readonly name: string;
  readonly set: RangeSet;
}

/** The intersection of two range sets (a linear merge). */
function intersectRanges(a: RangeSet, b: RangeSet): RangeSet {
  const out: Range[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const lo = Math.max(a[i].lo, b[j].lo);
    const hi = Math.min(a[i].hi, b[j].hi);
    if (lo <= hi) out.push({ lo, hi });
    if (a[i].hi < b[j].hi) i++;
    else j++;
  }
  return out;
}

function sameRanges(a: RangeSet, b: RangeSet): boolean {
  return a.length === b.length && a.every((r, i) => r.lo === b[i].lo && r.hi === b[i].hi);
}

/**
 * A range set in words: `any`, a list, `any except …`, or, relative to a
 * named set it lies in, the name or `NAME except …` — whichever is shortest.
 */
export function rangesText(
  f: Field,
  set: RangeSet | undefined,
  named: readonly NamedSet[] = NONE,
): string {
  if (set === undefined) return 'any';
  // Range sets are immutable and shared between boxes: each is worded once per naming.
  let byNamed = worded.get(set);
  if (byNamed === undefined) worded.set(set, (byNamed = new WeakMap()));
  const key = `${f}`;
  let texts = byNamed.get(named);
  if (texts === undefined) byNamed.set(named, (texts = new Map()));
  let text = texts.get(key);
  if (text === undefined) texts.set(key, (text = wordRanges(f, set, named)));
  return text;
}

const NONE: readonly NamedSet[] = [];
const worded = new WeakMap<RangeSet, WeakMap<readonly NamedSet[], Map<string, string>>>();

function wordRanges(f: Field, set: RangeSet, named: readonly NamedSet[]): string {
  const max = fieldMax(f);
  if (set.length === 1 && set[0].lo === 0 && set[0].hi === max) return 'any';
  const list = (s: RangeSet) => s.map((r) => rangeText(f, r)).join(', ');
  // Candidates by length (number of ranges); the text only of the shortest.
  const comp = complementRanges(set, max);
  const options: { n: number; text: () => string }[] = [
    { n: set.length, text: () => list(set) },
    { n: comp.length + 1, text: () => `any except ${list(comp)}` },
  ];
  for (const u of named) {
    if (u.field !== f) continue;
    if (sameRanges(set, u.set)) return u.name;
    if (!sameRanges(intersectRanges(set, u.set), set)) continue;
    const rest = intersectRanges(u.set, comp);
    options.push({ n: rest.length + 1, text: () => `${u.name} except ${list(rest)}` });
  }
  return options.reduce((a, b) => (b.n <= a.n ? b : a)).text();
}

/** The internet's addresses: public, and owned by nothing in the snapshot. */
export function internetAddresses(model: NetworkModel): RangeSet {
  const taken: Range[] = NON_PUBLIC.map((c) => ({
    lo: c.address,
    hi: c.address + 2 ** (32 - c.prefixLength) - 1,
  }));
  for (const ip of ownedPublicIps(model)) taken.push({ lo: ip, hi: ip });
  return complementRanges(unionRanges([taken]), fieldMax('src_ip'));
}

/** The internet's addresses as a name for texts. */
export function internetNames(model: NetworkModel): NamedSet[] {
  const set = internetAddresses(model);
  return [
    { field: 'src_ip', name: 'the internet', set },
    { field: 'dst_ip', name: 'the internet', set },
  ];
}

/** A box with one field narrowed to a set; undefined when nothing is left. */
export function narrowBox(b: Box, field: Field, set: RangeSet): Box | undefined {
  const now = b[field] ?? FULL[field];
  // Boxes of interfaces with the same filters share their range sets: intersect each pair once.
  let bySet = narrowed.get(now);
  if (bySet === undefined) narrowed.set(now, (bySet = new WeakMap()));
  let left = bySet.get(set);
  if (left === undefined) bySet.set(set, (left = intersectRanges(now, set)));
  return left.length === 0 ? undefined : { ...b, [field]: left };
}

const FULL: Readonly<Record<Field, RangeSet>> = {
  src_ip: [{ lo: 0, hi: fieldMax('src_ip') }],
  dst_ip: [{ lo: 0, hi: fieldMax('dst_ip') }],
  protocol: [{ lo: 0, hi: fieldMax('protocol') }],
  src_port: [{ lo: 0, hi: fieldMax('src_port') }],
  dst_port: [{ lo: 0, hi: fieldMax('dst_port') }],
};
const narrowed = new WeakMap<RangeSet, WeakMap<RangeSet, RangeSet>>();

/** A box in words: protocol, ports, source and destination. */
export function boxText(b: Box, named: readonly NamedSet[] = NONE): string {
  const proto = rangesText('protocol', b.protocol);
  const has = (p: number) => b.protocol === undefined || rangesContain(b.protocol, p);
  // ICMP's type and code are 0-255 (the source- and destination-port fields hold them).
  const icmpText = (f: Field, set: RangeSet | undefined) =>
    set !== undefined && set.length === 1 && set[0].lo === 0 && set[0].hi === 255
      ? 'any'
      : rangesText(f, set);
  const ports =
    !has(1) && !has(6) && !has(17)
      ? ''
      : !has(6) && !has(17)
        ? ` type ${icmpText('src_port', b.src_port)} code ${icmpText('dst_port', b.dst_port)}`
        : ` port ${rangesText('dst_port', b.dst_port)} (source port ${rangesText('src_port', b.src_port)})`;
  return `${proto === 'any' ? 'any protocol' : proto}${ports} from ${rangesText('src_ip', b.src_ip, named)} to ${rangesText('dst_ip', b.dst_ip, named)}`;
}
