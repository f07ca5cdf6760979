/**
 * Text the grammar rejects but C compilers take, rewritten before parsing
 * without moving any line: C89's implicit `int` (below) and names tree-sitter
 * reads as Microsoft keywords (`renameMsKeywords`).
 *
 * C89's implicit `int`: a function defined or declared at file scope without
 * a return type (`main() { … }`, `fib(n) int n; { … }`). C99 removed it, and
 * tree-sitter's grammar rejects it, but old code and the peers' regression
 * suites still use it, and gcc and clang accept it with a warning. Inserting
 * `int ` before such a name (same line, so line numbers are unchanged;
 * columns after it on that line move by four) gives the program C89 meant.
 *
 * A name starts a file-scope declaration after `;`, after the `}` that closes
 * a function body (not a struct, union, enum or initialiser), or at the start
 * of the text; it is followed by a parenthesised list and then by a body or
 * K&R parameter declarations; it is not a keyword.
 */

const NOT_A_NAME = new Set([
  'void',
  'char',
  'short',
  'int',
  'long',
  'float',
  'double',
  'signed',
  'unsigned',
  '_Bool',
  'struct',
  'union',
  'enum',
  'const',
  'volatile',
  'static',
  'extern',
  'typedef',
  'register',
  'inline',
  'if',
  'while',
  'for',
  'switch',
  'return',
  'sizeof',
  '_Static_assert',
  'static_assert',
  '__attribute__',
  '__attribute',
  '__extension__',
  'asm',
  '__asm__',
  '__asm',
  'typeof',
  '__typeof__',
  '__typeof',
  '_Alignas',
  '__declspec',
  '_Pragma',
]);

export interface ImplicitInt {
  readonly text: string;
  /** 0-based line indexes of the text where `int ` was inserted. */
  readonly lines: readonly number[];
}

export function insertImplicitInt(text: string): ImplicitInt {
  const inserts: number[] = [];
  // Braces: for each open `{`, whether it opened a function body.
  const braces: boolean[] = [];
  let parens = 0;
  let atStart = true;
  let last = '';
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === '"' || c === "'") {
      i = skipQuoted(text, i);
      atStart = false;
      last = c;
      continue;
    }
    if (c === '/' && text[i + 1] === '/') {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? n : nl;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
      continue;
    }
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < n && /\w/.test(text[j])) j++;
      const word = text.slice(i, j);
      if (atStart && braces.length === 0 && parens === 0 && !NOT_A_NAME.has(word)) {
        let k = j;
        while (k < n && /[ \t]/.test(text[k])) k++;
        if (text[k] === '(' && definitionFollows(text, k)) inserts.push(i);
      }
      atStart = false;
      last = 'w';
      i = j;
      continue;
    }
    if (c === '(') parens++;
    else if (c === ')') parens = Math.max(0, parens - 1);
    else if (c === '{')
      braces.push(parens === 0 && braces.length === 0 && (last === ')' || last === ';'));
    else if (c === '}') {
      const body = braces.pop() ?? false;
      if (braces.length === 0 && parens === 0 && body) {
        atStart = true;
        last = c;
        i++;
        continue;
      }
    }
    atStart = c === ';' && braces.length === 0 && parens === 0;
    last = c;
    i++;
  }
  if (inserts.length === 0) return { text, lines: [] };
  let out = '';
  let from = 0;
  const lines: number[] = [];
  for (const at of inserts) {
    out += `${text.slice(from, at)}int `;
    from = at;
    lines.push(countLines(text, at));
  }
  return { text: out + text.slice(from), lines };
}

/**
 * Whether the parenthesised list at `open` is followed by a function body or
 * by K&R parameter declarations (`{` or a name): `main() {`, `f(n) int n; {`.
 * A type keyword or typedef name before `(` (`void (*hook)(void) = g;`) is
 * followed by another `(`, `=`, `;` or `,` instead.
 */
function definitionFollows(text: string, open: number): boolean {
  let depth = 0;
  let k = open;
  for (; k < text.length; k++) {
    if (text[k] === '(') depth++;
    else if (text[k] === ')' && --depth === 0) break;
  }
  k++;
  while (k < text.length && /\s/.test(text[k])) k++;
  return text[k] === '{' || /[A-Za-z_]/.test(text[k] ?? '');
}

function skipQuoted(text: string, i: number): number {
  const q = text[i];
  let j = i + 1;
  while (j < text.length && text[j] !== q && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
  return j + 1;
}

function countLines(text: string, end: number): number {
  let k = 0;
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) k++;
  return k;
}

/**
 * tree-sitter-c reads Microsoft's pointer modifiers `__uptr`, `__sptr` and
 * `__unaligned` as keywords; in GNU C they are ordinary names (glibc's
 * `__WAIT_STATUS` has a member `__uptr`). Each such name outside string and
 * character literals becomes one of the same length (last letter upper
 * case), so positions do not move.
 */
export function renameMsKeywords(text: string): string {
  if (!/__uptr|__sptr|_unaligned/.test(text)) return text;
  return text.replace(
    /"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|\b(__uptr|__sptr|__unaligned|_unaligned)\b/g,
    (m: string, name: string | undefined) =>
      name === undefined ? m : name.slice(0, -1) + name.slice(-1).toUpperCase(),
  );
}
