/**
 * Invariants as the user's language writes them: `k >= j && j >= 0`,
 * `x % 2 == 0`, `i <= n || n < 0`. Linear atoms are rearranged so that
 * both sides have positive coefficients (`x - y >= 1` becomes `x >= y + 1`).
 * Cosmetic only: the certificate queries carry the exact formula. The
 * arithmetic is mathematical (as in Python; in C, read each side as having
 * no overflow — the values are the ones the program holds).
 */
import type { SourceSyntax } from '../../ir/syntax.js';
import type { Term } from '../../smt/index.js';
import { GHOST_INDEX } from '../../ir/ir.js';

type Linear = Map<string, bigint>; // '' is the constant

/** The linear form of an integer term (atoms: variables and non-linear subterms, by text). */
function linear(t: Term, atom: (t: Term) => string): Linear | null {
  const out: Linear = new Map();
  const add = (k: string, c: bigint): void => {
    out.set(k, (out.get(k) ?? 0n) + c);
  };
  const walk = (x: Term, scale: bigint): boolean => {
    if (x.kind === 'const') {
      if (x.sort.kind !== 'int') return false;
      add('', scale * x.value);
      return true;
    }
    if (x.kind === 'var') {
      add(atom(x), scale);
      return true;
    }
    switch (x.op) {
      case '+':
        return walk(x.args[0], scale) && walk(x.args[1], scale);
      case '-':
        return walk(x.args[0], scale) && walk(x.args[1], -scale);
      case 'ineg':
        return walk(x.args[0], -scale);
      case '*': {
        const [a, b] = x.args;
        if (a.kind === 'const') return walk(b, scale * a.value);
        if (b.kind === 'const') return walk(a, scale * b.value);
        add(atom(x), scale);
        return true;
      }
      case 'div':
      case 'mod':
        add(atom(x), scale);
        return true;
      default:
        return false;
    }
  };
  return walk(t, 1n) ? out : null;
}

function sideText(terms: readonly [string, bigint][], constant: bigint): string {
  let text = '';
  for (const [name, c] of terms) {
    const mag = c < 0n ? -c : c;
    const t = mag === 1n ? name : `${mag}*${name}`;
    text = text === '' ? (c < 0n ? `-${t}` : t) : `${text} ${c < 0n ? '-' : '+'} ${t}`;
  }
  if (text === '') return String(constant);
  if (constant === 0n) return text;
  return `${text} ${constant < 0n ? '-' : '+'} ${constant < 0n ? -constant : constant}`;
}

const FLIP: Record<string, string> = { '<': '>', '<=': '>=', '==': '==', '!=': '!=' };

export function formatInvariant(
  t: Term,
  name: (varName: string) => string,
  syntax: SourceSyntax,
): string {
  const atomText = (x: Term): string => (x.kind === 'var' ? name(x.name) : arith(x, 0));

  const arith = (x: Term, prec: number): string => {
    if (x.kind === 'const') return String(x.value);
    if (x.kind === 'var') return name(x.name);
    const [a, b] = x.args;
    switch (x.op) {
      case 'div':
        return syntax.floorDiv(arith(a, 3), arith(b, 3));
      case 'mod':
        return syntax.floorMod(arith(a, 3), arith(b, 3));
      case '*': {
        const s = `${arith(a, 2)}*${arith(b, 2)}`;
        return prec > 2 ? `(${s})` : s;
      }
      case 'ite':
        return `(${bool(x.args[0], 0)} ? ${arith(b, 0)} : ${arith(x.args[2], 0)})`;
      default: {
        const lin = linear(x, atomText);
        if (lin === null) return '?';
        const s = sideText(
          [...lin].filter(([k, c]) => k !== '' && c !== 0n),
          lin.get('') ?? 0n,
        );
        return prec > 1 ? `(${s})` : s;
      }
    }
  };

  const atom = (relation: string, a: Term, b: Term): string => {
    let op = relation;
    const la = linear(a, atomText);
    const lb = linear(b, atomText);
    if (la === null || lb === null) return `${arith(a, 1)} ${op} ${arith(b, 1)}`;
    const d: Linear = new Map(la);
    for (const [k, c] of lb) d.set(k, (d.get(k) ?? 0n) - c);
    const pos: [string, bigint][] = [];
    const neg: [string, bigint][] = [];
    for (const [k, c] of d) {
      if (k === '' || c === 0n) continue;
      if (c > 0n) pos.push([k, c]);
      else neg.push([k, -c]);
    }
    let k0 = d.get('') ?? 0n;
    // Over the integers, a strict bound is the non-strict one moved by 1: prefer `i <= k` to `i < k + 1`.
    if (op === '<' && k0 === -1n) {
      op = '<=';
      k0 = 0n;
    }
    // pos - neg + k0 op 0  ⇔  pos op neg - k0
    if (pos.length === 0 && neg.length > 0) {
      return `${sideText(neg, 0n)} ${FLIP[op]} ${sideText([], k0)}`;
    }
    return `${sideText(pos, 0n)} ${op} ${sideText(neg, -k0)}`;
  };

  const bool = (x: Term, prec: number): string => {
    if (x.kind === 'const') return x.value === 1n ? syntax.true : syntax.false;
    if (x.kind === 'var') return name(x.name);
    // A fact about array elements under a guard: `K < i ==> a[K] == 0`.
    const [g, f] = x.args;
    if (x.op === 'or' && x.args.length === 2 && g.kind === 'app' && g.op === 'not' && ghost(x)) {
      const s = `${bool(g.args[0], 2)} ==> ${bool(f, 2)}`;
      return prec > 0 ? `(${s})` : s;
    }
    switch (x.op) {
      case 'and':
      case 'or': {
        const parts = x.args.map((a) => bool(a, x.op === 'and' ? 2 : 1));
        const s = parts.join(` ${x.op === 'and' ? syntax.and : syntax.or} `);
        return prec > (x.op === 'and' ? 2 : 1) ? `(${s})` : s;
      }
      case 'not': {
        const inner = x.args[0];
        if (inner.kind === 'app') {
          const [a, b] = inner.args;
          if (inner.op === '<=') return atom('<', b, a);
          if (inner.op === '<') return atom('<=', b, a);
          if (inner.op === '=' && a.sort.kind === 'int') return atom('!=', a, b);
        }
        return `${syntax.not}(${bool(inner, 0)})`;
      }
      case '<=':
      case '<':
        return atom(x.op, x.args[0], x.args[1]);
      case '=': {
        // Divisibility, `e % m == 0`, reads the same with C's truncating `%`.
        const [a, b] = x.args;
        if (a.kind === 'app' && a.op === 'mod' && b.kind === 'const' && b.value === 0n)
          return `${arith(a.args[0], 3)} % ${arith(a.args[1], 3)} == 0`;
        if (a.sort.kind === 'int') return atom('==', a, b);
        return `(${bool(x.args[0], 3)} == ${bool(x.args[1], 3)})`;
      }
      case 'ite':
        return `(${bool(x.args[0], 0)} ? ${bool(x.args[1], 0)} : ${bool(x.args[2], 0)})`;
      default:
        return '?';
    }
  };
  const text = bool(t, 0);
  return ghost(t) ? `for every K: ${text}` : text;
}

/** Whether `t` mentions the ghost index of the cell observables (ir.ts `GHOST_INDEX`). */
function ghost(t: Term): boolean {
  if (t.kind === 'var') return t.name === `v!${GHOST_INDEX}`;
  return t.kind === 'app' && t.args.some(ghost);
}
