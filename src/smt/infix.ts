/**
 * A C-like infix rendering of small terms, for saying in words what a query
 * asks ("x + y != y + x"). Purely cosmetic: the SMT-LIB text stays the
 * authoritative query. Bit-vector operators print as their C counterparts;
 * where signedness matters the operator is marked (`<s`, `<u`, `/s`, `>>u`).
 */
import type { AppTerm, Term } from './term.js';

const INFIX: Readonly<Record<string, string>> = {
  bvadd: '+',
  bvsub: '-',
  bvmul: '*',
  bvudiv: '/u',
  bvsdiv: '/s',
  bvurem: '%u',
  bvsrem: '%s',
  bvshl: '<<',
  bvlshr: '>>u',
  bvashr: '>>s',
  bvand: '&',
  bvor: '|',
  bvxor: '^',
  bvult: '<u',
  bvule: '<=u',
  bvslt: '<s',
  bvsle: '<=s',
  '+': '+',
  '-': '-',
  '*': '*',
  div: 'div',
  mod: 'mod',
  '<': '<',
  '<=': '<=',
  '=': '==',
  and: '&&',
  or: '||',
  xor: '^^',
};

/** Strips the encoder's prefixes (`in!x` → `x`) for display. */
function displayName(name: string): string {
  const bang = name.lastIndexOf('!');
  return bang >= 0 ? name.slice(bang + 1) : name;
}

function renderConst(t: Term & { kind: 'const' }): string {
  if (t.sort.kind === 'bool') return t.value === 1n ? 'true' : 'false';
  return t.value.toString();
}

function renderApp(t: AppTerm): string {
  const args = t.args.map(render);
  if (t.op === 'not') {
    const inner = t.args[0];
    if (inner.kind === 'app' && inner.op === '=') {
      return `${render(inner.args[0])} != ${render(inner.args[1])}`;
    }
    return `!(${args[0]})`;
  }
  if (t.op === 'ite') return `(${args[0]} ? ${args[1]} : ${args[2]})`;
  if (t.op === 'bvneg' || t.op === 'ineg') return `-(${args[0]})`;
  if (t.op === 'bvnot') return `~(${args[0]})`;
  if (t.op === 'sign_extend' || t.op === 'zero_extend' || t.op === 'bv2nat') return args[0];
  if (t.op === 'extract') return `${args[0]}[${t.indices[0]}:${t.indices[1]}]`;
  // An array is a variable, a call (`store(a, i, v)`), a select or an ite (parenthesised).
  if (t.op === 'select') return `${args[0]}[${args[1]}]`;
  const op = INFIX[t.op];
  if (op === undefined) return `${t.op}(${args.join(', ')})`;
  const joined = args.map((a, i) => (needsParens(t.args[i]) ? `(${a})` : a)).join(` ${op} `);
  return joined;
}

function needsParens(t: Term): boolean {
  return t.kind === 'app' && t.args.length > 1 && t.op !== 'ite';
}

function render(t: Term): string {
  switch (t.kind) {
    case 'const':
      return renderConst(t);
    case 'var':
      return displayName(t.name);
    case 'app':
      return renderApp(t);
  }
}

/** The rendering, or null when it would be longer than `maxLength` characters. */
export function termToInfix(t: Term, maxLength = 160): string | null {
  const size = termSize(t, 0, maxLength);
  if (size > maxLength) return null;
  const text = render(t);
  return text.length <= maxLength ? text : null;
}

/** Tree size, counting shared subterms at every use, stopping early past `limit`. */
function termSize(t: Term, acc: number, limit: number): number {
  if (acc > limit) return acc;
  if (t.kind !== 'app') return acc + 1;
  let total = acc + 1;
  for (const a of t.args) {
    total = termSize(a, total, limit);
    if (total > limit) return total;
  }
  return total;
}
