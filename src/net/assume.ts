/**
 * Simplifying the symbolic engine's branch conditions under what a question
 * already assumes about the internet side of a packet.
 *
 * A question from (or to) the internet constrains the internet host's address
 * to a public address that nothing in the snapshot owns (`queryConstraint` in
 * symbolic/query.ts: outside every range of `NON_PUBLIC`, different from every
 * public or Elastic IP of an ENI or NAT gateway). Under that constraint an
 * atom comparing that address with a private range, a private address or an
 * owned public address is false. The path enumeration branches on exactly
 * such atoms wherever the packet could be delivered — to each address of a
 * subnet, each subnet of a VPC, each owned public address — so without this
 * a question from the internet enumerates (and then refutes with the solver)
 * one path per interface of the VPC or per public address of the account.
 *
 * The rewrite is exact: every atom replaced by `false` is false for every
 * packet satisfying the constraint, so a condition and its simplification
 * agree on those packets, and the conditions are only ever checked together
 * with the constraint. Nothing else is rewritten.
 */
import {
  conjunction,
  disjunction,
  falseTerm,
  ite,
  not,
  type AppTerm,
  type Term,
} from '../smt/index.js';
import { cidr4Covers, NON_PUBLIC, type Cidr4, type Ipv4 } from '../core/ip.js';

/**
 * A simplifier for branch conditions, given the header variables that hold an
 * internet host's address and the public addresses the snapshot owns. It
 * returns the same term object when nothing changes (callers compare terms
 * with `trueTerm` / `falseTerm` by identity).
 */
export function internetHostAssumption(
  vars: ReadonlySet<Term>,
  owned: ReadonlySet<Ipv4>,
): (t: Term) => Term {
  if (vars.size === 0) return (t) => t;
  const memo = new Map<Term, Term>();
  const privateCidr = (c: Cidr4): boolean => NON_PUBLIC.some((np) => cidr4Covers(np, c));
  /** Is the atom false for an internet host's address? */
  const refuted = (a: AppTerm): boolean => {
    if (a.op !== '=' || a.args.length !== 2) return false;
    const [x, y] = a.args;
    const [v, k] = x.kind === 'const' ? [y, x] : [x, y];
    if (k.kind !== 'const') return false;
    const value = Number(k.value);
    // `x = k`: the address itself.
    if (vars.has(v)) return owned.has(value) || privateCidr({ address: value, prefixLength: 32 });
    // `((_ extract 31 lo) x) = k`: x in the CIDR k·2^lo / (32 − lo).
    if (v.kind === 'app' && v.op === 'extract' && vars.has(v.args[0]) && v.indices[0] === 31) {
      const lo = v.indices[1];
      return privateCidr({ address: (value * 2 ** lo) >>> 0, prefixLength: 32 - lo });
    }
    return false;
  };
  const simplify = (t: Term): Term => {
    if (t.kind !== 'app' || t.sort.kind !== 'bool') return t;
    const known = memo.get(t);
    if (known !== undefined) return known;
    let out: Term = t;
    switch (t.op) {
      case '=':
        if (refuted(t)) out = falseTerm;
        break;
      case 'not': {
        const a = simplify(t.args[0]);
        if (a !== t.args[0]) out = not(a);
        break;
      }
      case 'and':
      case 'or': {
        const args = t.args.map(simplify);
        if (args.some((a, i) => a !== t.args[i]))
          out = t.op === 'and' ? conjunction(args) : disjunction(args);
        break;
      }
      case 'ite': {
        const [c, a, b] = t.args;
        const [c2, a2, b2] = [simplify(c), simplify(a), simplify(b)];
        if (c2 !== c || a2 !== a || b2 !== b) out = ite(c2, a2, b2);
        break;
      }
    }
    memo.set(t, out);
    if (out !== t) memo.set(out, out);
    return out;
  };
  return simplify;
}

/** The header variables' names in a solver model (symbolic/packet.ts `HEADER_VARS`). */
const SRC = 'src_ip';
const DST = 'dst_ip';

/** After this many refinements the full set of owned addresses is excluded at once. */
const MAX_REFINEMENTS = 16;

/**
 * The question's constraint with the owned public addresses excluded lazily.
 *
 * Keeping an internet host off every public address of the account takes
 * one disequality per address — thousands in a large account, in every
 * solver call, where they cost more than the rest of the formula. Yet a
 * solver rarely picks one of them unless the formula forces it. So the
 * constraint starts with none of them (`constraint()`); after a satisfying
 * model, `refine` looks at the internet side's address: when it is owned,
 * that address is excluded from then on and the caller asks again.
 *
 * Exact: an unsatisfiable answer under fewer exclusions holds under all of
 * them (the constraint only gets weaker by leaving some out), and a model is
 * only accepted once its internet address is owned by nothing. It ends: each
 * refinement excludes a new address, and after `MAX_REFINEMENTS` every owned
 * address is excluded at once (the eager constraint).
 */
export class OwnedExclusions {
  private readonly src = new Set<Ipv4>();
  private readonly dst = new Set<Ipv4>();
  private refinements = 0;
  private current: Term | undefined;

  /**
   * @param owned every public address the snapshot owns
   * @param internet which header addresses are the internet side's
   * @param build the question's constraint excluding the given owned addresses (symbolic/query.ts `queryConstraint`)
   */
  constructor(
    private readonly owned: ReadonlySet<Ipv4>,
    private readonly internet: { readonly src: boolean; readonly dst: boolean },
    private readonly build: (excluded: {
      readonly src: ReadonlySet<Ipv4>;
      readonly dst: ReadonlySet<Ipv4>;
    }) => Term,
  ) {}

  /** The constraint with the exclusions found so far. */
  constraint(): Term {
    this.current ??= this.build({ src: this.src, dst: this.dst });
    return this.current;
  }

  /** True when the model's internet side has an owned address (now excluded; check again). */
  refine(values: ReadonlyMap<string, bigint>): boolean {
    const hits: [Set<Ipv4>, string][] = [];
    if (this.internet.src) hits.push([this.src, SRC]);
    if (this.internet.dst) hits.push([this.dst, DST]);
    let changed = false;
    for (const [set, name] of hits) {
      const v = values.get(name);
      if (v === undefined) continue;
      const ip = Number(v);
      if (!this.owned.has(ip) || set.has(ip)) continue;
      if (++this.refinements > MAX_REFINEMENTS) for (const o of this.owned) set.add(o);
      else set.add(ip);
      changed = true;
    }
    if (changed) this.current = undefined;
    return changed;
  }
}
