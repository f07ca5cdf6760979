/**
 * Arrays eliminated from a quantifier-free query, as CBMC and Boolector do
 * for memory: every read is pushed through the writes it reads over
 * (`select(store(m, j, v), i)` is `i == j ? v : select(m, i)`), the reads of
 * an array variable that remain become fresh bit-vector variables, and
 * functional consistency is asserted for each pair of them (Ackermann: equal
 * indices, equal elements). The result mentions no array, so it is a QF_BV
 * query that Z3 bit-blasts; on C memory queries (byte arrays read at a few
 * dozen addresses) that is many times faster, and far steadier, than Z3's
 * array theory.
 *
 * The two queries are equisatisfiable: a model of the original gives the
 * fresh variables the elements read; a model of the result defines each
 * array at the indices read (consistently, by the Ackermann constraints)
 * and anywhere else arbitrarily. No model of an array is rebuilt, so this is
 * for queries whose arrays' values are not asked for.
 *
 * Not every query qualifies: a quantifier, an array compared or passed
 * anywhere but as the array of a `select`, or a result larger than the
 * limits, and the query is returned unchanged.
 */
import type { Query } from './print.js';
import type { Term, VarTerm } from './term.js';
import { eq, implies, ite, mkVar } from './term.js';

/** Largest number of new terms the reads may create. */
const MAX_NEW_TERMS = 200_000;
/** Largest number of distinct reads of one array variable (their pairs are asserted). */
const MAX_READS = 300;

/** The query does not qualify (see the module comment). */
class Unsuited extends Error {}

/** The query without arrays, or the query itself when it does not qualify (see the module comment). */
export function withoutArrays(q: Query): Query {
  if (!q.assertions.some(hasArray)) return q;
  try {
    return new Eliminator().run(q);
  } catch (e) {
    if (e instanceof Unsuited) return q;
    throw e;
  }
}

function hasArray(t: Term): boolean {
  const seen = new Set<Term>();
  const walk = (x: Term): boolean => {
    if (x.sort.kind === 'array') return true;
    if (x.kind !== 'app' || seen.has(x)) return false;
    seen.add(x);
    return x.args.some(walk);
  };
  return walk(t);
}

class Eliminator {
  private readonly ids = new Map<string, number>();
  private readonly idCache = new WeakMap<Term, number>();
  private readonly rewritten = new Map<Term, Term>();
  private readonly reads = new Map<string, Term>();
  /** Per array variable: its reads by index id, with their fresh variables. */
  private readonly leaves = new Map<string, Map<number, { index: Term; value: VarTerm }>>();
  private created = 0;
  private fresh = 0;

  run(q: Query): Query {
    const assertions = q.assertions.map((a) => this.rewrite(a));
    const consistency: Term[] = [];
    for (const reads of this.leaves.values()) {
      const list = [...reads.values()];
      for (let a = 0; a < list.length; a++)
        for (let b = a + 1; b < list.length; b++) {
          const same = eq(list[a].index, list[b].index);
          if (same.kind === 'const' && same.value === 0n) continue;
          consistency.push(implies(same, eq(list[a].value, list[b].value)));
        }
    }
    return {
      ...q,
      assertions: [...assertions, ...consistency],
      comments: [
        ...(q.comments ?? []),
        'arrays eliminated: reads through writes, then one variable per read of an array variable with functional consistency (Ackermann)',
      ],
    };
  }

  /** A structural id: equal ids, equal terms. */
  private id(t: Term): number {
    const known = this.idCache.get(t);
    if (known !== undefined) return known;
    let key: string;
    if (t.kind === 'const') key = `c${t.value}:${JSON.stringify(t.sort)}`;
    else if (t.kind === 'var') key = `v${t.name}`;
    else
      key = `a${t.op}[${t.indices.join(',')}]${t.literal ?? ''}(${t.args.map((a) => this.id(a)).join(',')})`;
    let n = this.ids.get(key);
    if (n === undefined) {
      n = this.ids.size;
      this.ids.set(key, n);
    }
    this.idCache.set(t, n);
    return n;
  }

  private count(): void {
    if (++this.created > MAX_NEW_TERMS) throw new Unsuited();
  }

  private rewrite(t: Term): Term {
    if (t.sort.kind === 'array') throw new Unsuited();
    if (t.kind !== 'app') return t;
    const known = this.rewritten.get(t);
    if (known !== undefined) return known;
    if (t.op === 'forall' || t.op === 'exists') throw new Unsuited();
    let out: Term;
    if (t.op === 'select') out = this.read(t.args[0], this.rewrite(t.args[1]));
    else {
      const args = t.args.map((a) => this.rewrite(a));
      out = args.every((a, k) => a === t.args[k]) ? t : { ...t, args };
    }
    this.rewritten.set(t, out);
    return out;
  }

  /** The element of array term `a` at (array-free) index `i`. */
  private read(a: Term, i: Term): Term {
    const key = `${this.id(a)}@${this.id(i)}`;
    const known = this.reads.get(key);
    if (known !== undefined) return known;
    this.count();
    let out: Term;
    if (a.kind === 'var') out = this.leaf(a, i);
    else if (a.kind === 'app' && a.op === 'store') {
      const same = eq(i, this.rewrite(a.args[1]));
      if (same.kind === 'const')
        out = same.value === 1n ? this.rewrite(a.args[2]) : this.read(a.args[0], i);
      else out = ite(same, this.rewrite(a.args[2]), this.read(a.args[0], i));
    } else if (a.kind === 'app' && a.op === 'ite')
      out = ite(this.rewrite(a.args[0]), this.read(a.args[1], i), this.read(a.args[2], i));
    else if (a.kind === 'app' && a.op === 'const-array') out = this.rewrite(a.args[0]);
    else throw new Unsuited();
    this.reads.set(key, out);
    return out;
  }

  private leaf(a: VarTerm, i: Term): Term {
    let reads = this.leaves.get(a.name);
    if (reads === undefined) {
      reads = new Map();
      this.leaves.set(a.name, reads);
    }
    const k = this.id(i);
    const known = reads.get(k);
    if (known !== undefined) return known.value;
    if (reads.size >= MAX_READS) throw new Unsuited();
    if (a.sort.kind !== 'array') throw new Unsuited();
    const value = mkVar(`ack!${this.fresh++}!${a.name}`, a.sort.elem);
    reads.set(k, { index: i, value });
    return value;
  }
}
