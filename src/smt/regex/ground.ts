/**
 * Ground membership facts ("this text is / is not in this language"),
 * evaluated by JavaScript's own regular-expression engine: a check of the
 * automata of re.ts that shares no code with them.
 */
import { stringLiteralValue, type Term } from '../term.js';

function escape(text: string): string {
  return [...text].map((ch) => `\\u{${(ch.codePointAt(0) as number).toString(16)}}`).join('');
}

/** The source of a `u`-flag JavaScript pattern for a ground RegLan term, if it has one. */
function source(t: Term): string | undefined {
  if (t.kind !== 'app') return undefined;
  const all = (xs: readonly Term[]) => {
    const out = xs.map(source);
    return out.every((x) => x !== undefined) ? (out as string[]) : undefined;
  };
  switch (t.op) {
    case 'str.to_re': {
      const text = stringLiteralValue(t.args[0]);
      return text === undefined ? undefined : `(?:${escape(text)})`;
    }
    case 're.allchar':
      return '[\\u{0}-\\u{2ffff}]';
    case 're.all':
      return '[\\u{0}-\\u{2ffff}]*';
    case 're.none':
      return '[]';
    case 're.range': {
      const lo = [...(stringLiteralValue(t.args[0]) ?? '')];
      const hi = [...(stringLiteralValue(t.args[1]) ?? '')];
      if (lo.length !== 1 || hi.length !== 1 || lo[0] > hi[0]) return '[]';
      return `[${escape(lo[0])}-${escape(hi[0])}]`;
    }
    case 're.*':
    case 're.+': {
      const a = source(t.args[0]);
      return a === undefined ? undefined : `(?:${a})${t.op === 're.*' ? '*' : '+'}`;
    }
    case 're.union': {
      const xs = all(t.args);
      return xs === undefined ? undefined : `(?:${xs.join('|')})`;
    }
    case 're.++': {
      const xs = all(t.args);
      return xs === undefined ? undefined : `(?:${xs.join('')})`;
    }
    default:
      return undefined;
  }
}

const compiled = new WeakMap<Term, RegExp | null>();

/**
 * The truth of membership atom `atom` (over one String variable) when the
 * variable is `text`, or undefined when JavaScript cannot evaluate it
 * (intersection or complement in the language).
 */
export function groundHolds(atom: Term, text: string): boolean | undefined {
  if (atom.kind !== 'app') return undefined;
  const lit = atom.args.map(stringLiteralValue);
  switch (atom.op) {
    case '=':
      return (lit[0] ?? lit[1]) === text;
    case 'str.prefixof':
      return lit[0] === undefined ? undefined : text.startsWith(lit[0]);
    case 'str.suffixof':
      return lit[0] === undefined ? undefined : text.endsWith(lit[0]);
    case 'str.contains':
      return lit[1] === undefined ? undefined : text.includes(lit[1]);
    case 'str.in_re': {
      let re = compiled.get(atom.args[1]);
      if (re === undefined) {
        const s = source(atom.args[1]);
        re = s === undefined ? null : new RegExp(`^(?:${s})$`, 'u');
        compiled.set(atom.args[1], re);
      }
      return re === null ? undefined : re.test(text);
    }
    default:
      return undefined;
  }
}
