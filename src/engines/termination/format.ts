/**
 * Readable linear facts: redundant bounds dropped, pairs of bounds merged
 * into equalities, and each fact written the way a person would
 * (`x > y`, `y == 0`, `x - 2*y >= 3`). Meaning is preserved over the integers.
 */
import type { Constraint, LinearExpr, Row } from './linear.js';
import { toRows } from './linear.js';

function key(r: Row): string {
  return [...r.coeffs]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([v, k]) => `${k}*${v}`)
    .join('+');
}

function negateKey(r: Row): string {
  return key({ coeffs: new Map([...r.coeffs].map(([v, k]) => [v, -k])), constant: 0n });
}

/** Tightest bound per linear form; `form ≤ c ∧ form ≥ c` become `form = c`. */
export function tidy(cs: readonly Constraint[]): Constraint[] {
  const best = new Map<string, Row>();
  for (const c of cs) {
    for (const r of toRows(c)) {
      if (r.coeffs.size === 0) continue;
      const k = key(r);
      const old = best.get(k);
      if (old === undefined || r.constant > old.constant) best.set(k, r);
    }
  }
  const out: Constraint[] = [];
  const done = new Set<string>();
  for (const [k, r] of best) {
    if (done.has(k)) continue;
    done.add(k);
    const nk = negateKey(r);
    const opp = best.get(nk);
    // r: a·z + a0 ≤ 0; opp: −a·z + b0 ≤ 0. Equal when a0 = −b0.
    const lhs: LinearExpr = {
      terms: [...r.coeffs].map(([variable, coeff]) => ({ variable, coeff })),
      constant: 0n,
    };
    if (opp !== undefined && opp.constant === -r.constant) {
      done.add(nk);
      out.push(orient({ lhs, rel: '=', rhs: { terms: [], constant: -r.constant } }));
    } else out.push(orient({ lhs, rel: '<=', rhs: { terms: [], constant: -r.constant } }));
  }
  return out;
}

/** Puts positive coefficients first: `-x <= -1` → `x >= 1`; `x - y >= 1` → `x > y`. */
function orient(c: Constraint): Constraint {
  let { lhs, rel, rhs } = c;
  if (lhs.terms.length > 0 && lhs.terms.every((t) => t.coeff < 0n)) {
    lhs = { terms: lhs.terms.map((t) => ({ ...t, coeff: -t.coeff })), constant: 0n };
    rhs = { terms: [], constant: -rhs.constant };
    rel = rel === '<=' ? '>=' : rel;
  }
  // Two variables with opposite unit coefficients: `x - y <= k` → `x <= y + k`.
  if (lhs.terms.length === 2) {
    const [a, b] = lhs.terms;
    if (a.coeff === 1n && b.coeff === -1n) {
      lhs = { terms: [a], constant: 0n };
      rhs = { terms: [{ variable: b.variable, coeff: 1n }], constant: rhs.constant };
    } else if (a.coeff === -1n && b.coeff === 1n) {
      lhs = { terms: [b], constant: 0n };
      rhs = { terms: [{ variable: a.variable, coeff: 1n }], constant: rhs.constant };
    }
  }
  // `e >= k + 1` reads better as `e > k` when rhs has a variable or k + 1 = 1.
  if (rel === '>=' && (rhs.terms.length > 0 || rhs.constant === 1n)) {
    return { lhs, rel: '>', rhs: { ...rhs, constant: rhs.constant - 1n } };
  }
  if (rel === '<=' && rhs.terms.length > 0) {
    return { lhs, rel: '<', rhs: { ...rhs, constant: rhs.constant + 1n } };
  }
  return { lhs, rel, rhs };
}

function exprText(e: LinearExpr, show: (v: string) => string): string {
  const parts: string[] = [];
  for (const t of e.terms) {
    const mag = t.coeff < 0n ? -t.coeff : t.coeff;
    const body = mag === 1n ? show(t.variable) : `${mag}*${show(t.variable)}`;
    if (parts.length === 0) parts.push(t.coeff < 0n ? `-${body}` : body);
    else parts.push(t.coeff < 0n ? `- ${body}` : `+ ${body}`);
  }
  if (parts.length === 0) return `${e.constant}`;
  if (e.constant !== 0n) parts.push(e.constant < 0n ? `- ${-e.constant}` : `+ ${e.constant}`);
  return parts.join(' ');
}

export function formatConstraint(c: Constraint, show: (v: string) => string): string {
  const op = c.rel === '=' ? '==' : c.rel;
  return `${exprText(c.lhs, show)} ${op} ${exprText(c.rhs, show)}`;
}

export function formatLinear(e: LinearExpr, show: (v: string) => string): string {
  return exprText(e, show);
}
