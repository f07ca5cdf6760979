/**
 * Just enough of C's lexical structure to place witness locations: the
 * statement that contains a position, the keyword of a loop, the function a
 * line is in, the calls of a function on a line. The text is scanned with its
 * comments, string and character literals and preprocessor lines blanked out
 * (same length, newlines kept), so offsets stay those of the file.
 *
 * Lines and columns are 1-based, as in arc's source spans and in SV-COMP
 * witnesses (format 2.0: "value 1 is the position of the first character").
 */

export interface LineCol {
  readonly line: number;
  readonly column: number;
}

interface FunctionRange {
  readonly name: string;
  /** Offset of the body's `{`. */
  readonly open: number;
  /** Offset of the body's `}` (or the end of the text). */
  readonly close: number;
}

const KEYWORDS = new Set([
  'if',
  'else',
  'while',
  'for',
  'do',
  'switch',
  'case',
  'default',
  'return',
  'goto',
  'break',
  'continue',
  'sizeof',
]);

export class CSource {
  /** The text with comments, literals and preprocessor lines replaced by spaces. */
  readonly code: string;
  private readonly lineStarts: number[];
  private functionRanges: FunctionRange[] | undefined;

  constructor(readonly text: string) {
    this.code = blankNonCode(text);
    this.lineStarts = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') this.lineStarts.push(i + 1);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** A line of `code` (comments and literals blanked), without its newline; empty past the end. */
  codeLine(line: number): string {
    if (line < 1 || line > this.lineStarts.length) return '';
    const end = line < this.lineStarts.length ? this.lineStarts[line] - 1 : this.code.length;
    return this.code.slice(this.lineStarts[line - 1], end);
  }

  /** The offset of a 1-based line and column, or undefined when the line does not exist. */
  offsetOf(line: number, column: number): number | undefined {
    if (line < 1 || line > this.lineStarts.length) return undefined;
    const start = this.lineStarts[line - 1];
    const end = line < this.lineStarts.length ? this.lineStarts[line] - 1 : this.text.length;
    return Math.min(start + Math.max(column, 1) - 1, end);
  }

  lineColOf(offset: number): LineCol {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.lineStarts[lo] + 1 };
  }

  /** The name of the function whose body contains the offset. */
  functionAt(offset: number): string | undefined {
    return this.functions().find((f) => f.open <= offset && offset <= f.close)?.name;
  }

  /** The body of the function `name` (offsets of its braces), if the file defines it. */
  functionBody(name: string): { readonly open: number; readonly close: number } | undefined {
    return this.functions().find((f) => f.name === name);
  }

  /** The first statement or declaration after the `{` at `open`, or undefined for an empty block. */
  firstStatement(open: number): number | undefined {
    const at = this.skipSpace(open + 1);
    return at < this.code.length && this.code[at] !== '}' ? at : undefined;
  }

  /**
   * The first character of the statement (or of the controlling expression of
   * an `if`/`while`/`switch`, or of a `for` clause) that contains the offset;
   * labels, `case x:` and `else` in front of a statement are skipped.
   */
  statementStart(offset: number): number {
    const code = this.code;
    const control = ['if', 'while', 'switch', 'for'];
    let i = Math.min(offset, code.length) - 1;
    for (; i >= 0; i--) {
      const c = code[i];
      if (c === ')') {
        // A complete group before the offset: an if/while/for/switch condition ends
        // the search (the statement is its body); anything else (a cast, a call) is skipped.
        const open = this.matchingParenBack(i);
        if (open === undefined) break;
        const word = this.wordBefore(open);
        if (word !== undefined && control.includes(word.text)) break;
        i = open;
      } else if (c === ']') {
        const open = this.matchingBracketBack(i);
        if (open === undefined) break;
        i = open;
      } else if (c === '(') {
        // An unmatched `(`: a full expression starts inside a control statement's parenthesis.
        const word = this.wordBefore(i);
        if (word !== undefined && control.includes(word.text)) break;
      } else if (c === ';' || c === '{' || c === '}') break;
      else if (c === ':' && code[i - 1] !== ':' && !this.isConditionalColon(i)) break;
    }
    let start = this.skipSpace(i + 1);
    // `else`, `do` and the closing `)` of a condition may precede the statement.
    for (;;) {
      const word = this.wordAt(start);
      if (word === 'else' || word === 'do') {
        start = this.skipSpace(start + word.length);
        continue;
      }
      break;
    }
    return Math.min(start, offset);
  }

  /**
   * The iteration keyword (`while`, `for`, `do`) of the loop whose header is
   * at or around the offset: the offset itself when it is on the keyword,
   * else the keyword before the parenthesis that encloses the offset (the
   * loop condition), for `do … while (c)` the `do`.
   */
  loopKeyword(offset: number): number | undefined {
    const direct = this.wordAt(this.skipSpace(offset));
    if (direct === 'while' || direct === 'for' || direct === 'do') {
      const at = this.skipSpace(offset);
      return direct === 'while' ? (this.doOfWhile(at) ?? at) : at;
    }
    const at = this.skipSpace(offset);
    if (this.code[at] === '{') {
      // The body of `do {`, or of `while (c) {` / `for (…) {`.
      const word = this.wordBefore(at);
      if (word?.text === 'do') return word.start;
      const close = this.skipSpaceBack(at - 1);
      const open = this.code[close] === ')' ? this.matchingParenBack(close) : undefined;
      const keyword = open === undefined ? undefined : this.wordBefore(open);
      if (keyword?.text === 'while' || keyword?.text === 'for') return keyword.start;
      return undefined;
    }
    // Walk back (from the offset itself: it may be the condition's `(`) to the
    // unmatched `(` around the offset.
    let depth = 0;
    for (let i = Math.min(at, this.code.length - 1); i >= 0; i--) {
      const c = this.code[i];
      if (c === ')') depth++;
      else if (c === '(') {
        if (depth > 0) {
          depth--;
          continue;
        }
        const word = this.wordBefore(i);
        if (word === undefined) continue;
        if (word.text === 'for') return word.start;
        if (word.text === 'while') return this.doOfWhile(word.start) ?? word.start;
        // Some other parenthesis (a call in the condition): keep looking outward.
      } else if (depth === 0 && (c === ';' || c === '{' || c === '}')) {
        // `for (a; b; c)` has semicolons inside its parenthesis.
        if (c === ';' && this.insideForHeader(i)) continue;
        return undefined;
      }
    }
    return undefined;
  }

  /**
   * The calls of `name` on a line, in column order: for each, the offset of
   * the name and of the `)` that closes its argument list.
   */
  callsOnLine(line: number, name: string): { readonly start: number; readonly rparen: number }[] {
    const from = this.offsetOf(line, 1);
    if (from === undefined) return [];
    const to = line < this.lineStarts.length ? this.lineStarts[line] : this.code.length;
    return this.calls(name, from, to);
  }

  /** The calls of `name` whose name starts in [from, to). */
  calls(
    name: string,
    from = 0,
    to = this.code.length,
  ): { readonly start: number; readonly rparen: number }[] {
    const found: { start: number; rparen: number }[] = [];
    let at = this.code.indexOf(name, from);
    while (at >= 0 && at < to) {
      const before = at > 0 ? this.code[at - 1] : ' ';
      const after = this.code[at + name.length] ?? ' ';
      if (!isIdentChar(before) && !isIdentChar(after)) {
        const open = this.skipSpace(at + name.length);
        if (this.code[open] === '(') {
          const close = this.matchingParen(open);
          if (close !== undefined) found.push({ start: at, rparen: close });
        }
      }
      at = this.code.indexOf(name, at + name.length);
    }
    return found;
  }

  private functions(): FunctionRange[] {
    if (this.functionRanges !== undefined) return this.functionRanges;
    const ranges: FunctionRange[] = [];
    const code = this.code;
    let depth = 0;
    let current: { name: string; open: number } | undefined;
    for (let i = 0; i < code.length; i++) {
      const c = code[i];
      if (c === '{') {
        if (depth === 0) {
          const name = this.definedName(i);
          if (name !== undefined) current = { name, open: i };
        }
        depth++;
      } else if (c === '}') {
        depth = Math.max(0, depth - 1);
        if (depth === 0 && current !== undefined) {
          ranges.push({ ...current, close: i });
          current = undefined;
        }
      }
    }
    if (current !== undefined) ranges.push({ ...current, close: code.length });
    this.functionRanges = ranges;
    return ranges;
  }

  /** For a top-level `{`: the function it defines (`name ( … ) {`), if it is a function body. */
  private definedName(brace: number): string | undefined {
    let i = this.skipSpaceBack(brace - 1);
    // Skip trailing `__attribute__((…))` groups.
    while (this.code[i] === ')') {
      const open = this.matchingParenBack(i);
      if (open === undefined) return undefined;
      const word = this.wordBefore(open);
      if (word !== undefined && !KEYWORDS.has(word.text)) {
        if (word.text === '__attribute__' || word.text === '__attribute') {
          i = this.skipSpaceBack(word.start - 1);
          continue;
        }
        return word.text;
      }
      // `((…))` of an attribute: step out.
      i = this.skipSpaceBack(open - 1);
    }
    return undefined;
  }

  private doOfWhile(whileAt: number): number | undefined {
    const i = this.skipSpaceBack(whileAt - 1);
    if (i < 0) return undefined;
    if (this.code[i] === '}') {
      const open = this.matchingBraceBack(i);
      if (open === undefined) return undefined;
      const word = this.wordBefore(open);
      return word?.text === 'do' ? word.start : undefined;
    }
    if (this.code[i] === ';') {
      // `do x++; while (c);`: the statement before is the body when `do` precedes it.
      const start = this.statementStartRaw(i);
      const word = this.wordBefore(start);
      return word?.text === 'do' ? word.start : undefined;
    }
    return undefined;
  }

  private statementStartRaw(semicolon: number): number {
    let depth = 0;
    let i = semicolon - 1;
    for (; i >= 0; i--) {
      const c = this.code[i];
      if (c === ')') depth++;
      else if (c === '(') depth--;
      else if (depth === 0 && (c === ';' || c === '{' || c === '}')) break;
    }
    const start = this.skipSpace(i + 1);
    return this.wordAt(start) === 'do' ? this.skipSpace(start + 2) : start;
  }

  private insideForHeader(semicolon: number): boolean {
    let depth = 0;
    for (let i = semicolon - 1; i >= 0; i--) {
      const c = this.code[i];
      if (c === ')') depth++;
      else if (c === '(') {
        if (depth === 0) return this.wordBefore(i)?.text === 'for';
        depth--;
      } else if (c === '{' || c === '}') return false;
    }
    return false;
  }

  /** Whether the `:` at i belongs to a `?:` (not a label or `case`). */
  private isConditionalColon(colon: number): boolean {
    let depth = 0;
    for (let i = colon - 1; i >= 0; i--) {
      const c = this.code[i];
      if (c === ')' || c === ']') depth++;
      else if (c === '(' || c === '[') {
        if (depth === 0) return false;
        depth--;
      } else if (depth === 0 && c === '?') return true;
      else if (depth === 0 && (c === ';' || c === '{' || c === '}')) return false;
    }
    return false;
  }

  private wordAt(offset: number): string | undefined {
    if (!isIdentStart(this.code[offset] ?? '')) return undefined;
    if (offset > 0 && isIdentChar(this.code[offset - 1])) return undefined;
    let end = offset;
    while (end < this.code.length && isIdentChar(this.code[end])) end++;
    return this.code.slice(offset, end);
  }

  private wordBefore(offset: number): { text: string; start: number } | undefined {
    const end = this.skipSpaceBack(offset - 1) + 1;
    let start = end;
    while (start > 0 && isIdentChar(this.code[start - 1])) start--;
    if (start === end || !isIdentStart(this.code[start])) return undefined;
    return { text: this.code.slice(start, end), start };
  }

  private skipSpace(offset: number): number {
    let i = offset;
    while (i < this.code.length && /\s/.test(this.code[i])) i++;
    return i;
  }

  private skipSpaceBack(offset: number): number {
    let i = offset;
    while (i >= 0 && /\s/.test(this.code[i])) i--;
    return i;
  }

  private matchingParen(open: number): number | undefined {
    let depth = 0;
    for (let i = open; i < this.code.length; i++) {
      if (this.code[i] === '(') depth++;
      else if (this.code[i] === ')' && --depth === 0) return i;
    }
    return undefined;
  }

  private matchingParenBack(close: number): number | undefined {
    let depth = 0;
    for (let i = close; i >= 0; i--) {
      if (this.code[i] === ')') depth++;
      else if (this.code[i] === '(' && --depth === 0) return i;
    }
    return undefined;
  }

  private matchingBracketBack(close: number): number | undefined {
    let depth = 0;
    for (let i = close; i >= 0; i--) {
      if (this.code[i] === ']') depth++;
      else if (this.code[i] === '[' && --depth === 0) return i;
    }
    return undefined;
  }

  private matchingBraceBack(close: number): number | undefined {
    let depth = 0;
    for (let i = close; i >= 0; i--) {
      if (this.code[i] === '}') depth++;
      else if (this.code[i] === '{' && --depth === 0) return i;
    }
    return undefined;
  }
}

function isIdentStart(c: string): boolean {
  return /[A-Za-z_]/.test(c);
}

function isIdentChar(c: string): boolean {
  return /[A-Za-z0-9_]/.test(c);
}

/** Comments, string and character literals and preprocessor lines become spaces; newlines stay. */
export function blankNonCode(text: string): string {
  const out = text.split('');
  const blank = (from: number, to: number): void => {
    for (let k = from; k < to; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  let i = 0;
  let lineStart = true;
  while (i < text.length) {
    const c = text[i];
    if (c === '\n') {
      lineStart = true;
      i++;
      continue;
    }
    if (lineStart && c === '#') {
      // A preprocessor line (with backslash continuations), e.g. the `# 1 "f.c"` markers of a .i file.
      let end = i;
      while (end < text.length && !(text[end] === '\n' && text[end - 1] !== '\\')) end++;
      blank(i, end);
      i = end;
      continue;
    }
    if (!/\s/.test(c)) lineStart = false;
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      blank(i, stop);
      i = stop;
    } else if (c === '/' && text[i + 1] === '/') {
      let end = text.indexOf('\n', i);
      if (end < 0) end = text.length;
      blank(i, end);
      i = end;
    } else if (c === '"' || c === "'") {
      let end = i + 1;
      while (end < text.length && text[end] !== c && text[end] !== '\n') {
        end += text[end] === '\\' ? 2 : 1;
      }
      blank(i + 1, Math.min(end, text.length));
      i = end + 1;
    } else i++;
  }
  return out.join('');
}
