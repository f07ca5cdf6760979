/**
 * Maps offsets in the preprocessed text back to the user's original file.
 *
 * Lines come from the preprocessor's origin table. Columns are recovered by
 * aligning the non-blank characters of a preprocessed line with the
 * non-blank, non-comment characters of its original line: on a line without
 * macro expansion the alignment is exact; on a line with one, characters
 * before and after the expansion are exact and the expansion itself maps to
 * the macro's use.
 */
import type { SourceSpan } from '../../core/diagnostic.js';
import type { LineOrigin } from './preprocess.js';

interface SigChar {
  readonly col: number;
  readonly ch: string;
}

export interface Position {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly user: boolean;
}

export class SourceMap {
  private readonly lineStarts: number[] = [0];
  private readonly ppLines: string[];
  private readonly origSig: SigChar[][];
  private readonly colCache = new Map<number, number[]>();

  constructor(
    readonly file: string,
    ppText: string,
    private readonly origins: readonly LineOrigin[],
    originalLines: readonly string[],
  ) {
    this.ppLines = ppText.split('\n');
    for (let i = 0; i < ppText.length; i++) if (ppText[i] === '\n') this.lineStarts.push(i + 1);
    this.origSig = significantChars(originalLines);
  }

  /** 0-based preprocessed line of an offset. */
  private lineOf(offset: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  isUser(offset: number): boolean {
    return this.origins[this.lineOf(offset)]?.user ?? false;
  }

  /** Original position of the character at `offset` (or just after it, when `end`). */
  position(offset: number, end = false): Position {
    const ppLine = this.lineOf(end ? Math.max(offset - 1, 0) : offset);
    const origin = this.origins[ppLine] ?? { file: this.file, line: 1, user: false };
    const idx = (end ? Math.max(offset - 1, 0) : offset) - this.lineStarts[ppLine];
    if (!origin.user) return { ...origin, col: idx + 1 + (end ? 1 : 0) };
    const cols = this.columns(ppLine, origin.line);
    const c = cols[Math.min(idx, cols.length - 1)] ?? idx + 1;
    return { ...origin, col: end ? c + 1 : c };
  }

  span(start: number, end: number): SourceSpan {
    const a = this.position(start);
    const b = end > start ? this.position(end, true) : a;
    const sameFile = a.file === b.file && b.line >= a.line;
    return {
      file: a.file,
      startLine: a.line,
      startCol: a.col,
      endLine: sameFile ? b.line : a.line,
      endCol: sameFile ? (b.line === a.line ? Math.max(b.col, a.col + 1) : b.col) : a.col + 1,
    };
  }

  private columns(ppLine: number, origLine: number): number[] {
    const cached = this.colCache.get(ppLine);
    if (cached) return cached;
    const cols = alignLine(this.ppLines[ppLine] ?? '', this.origSig[origLine - 1] ?? []);
    this.colCache.set(ppLine, cols);
    return cols;
  }
}

/** For every character of a preprocessed line, its 1-based column in the original line. */
function alignLine(pp: string, orig: readonly SigChar[]): number[] {
  const sig: number[] = [];
  for (let i = 0; i < pp.length; i++) if (!/\s/.test(pp[i])) sig.push(i);
  let pre = 0;
  while (pre < sig.length && pre < orig.length && pp[sig[pre]] === orig[pre].ch) pre++;
  let suf = 0;
  while (
    suf < sig.length - pre &&
    suf < orig.length - pre &&
    pp[sig[sig.length - 1 - suf]] === orig[orig.length - 1 - suf].ch
  )
    suf++;
  const sigCol = new Map<number, number>();
  sig.forEach((ppIdx, k) => {
    let col: number;
    if (k < pre) col = orig[k].col;
    else if (k >= sig.length - suf) col = orig[orig.length - (sig.length - k)].col;
    else col = orig[pre]?.col ?? orig[orig.length - 1]?.col ?? ppIdx + 1;
    sigCol.set(ppIdx, col);
  });
  const cols: number[] = [];
  let next = orig[orig.length - 1]?.col ?? pp.length + 1;
  for (let i = pp.length - 1; i >= 0; i--) {
    const c = sigCol.get(i);
    if (c !== undefined) next = c;
    cols[i] = c ?? next;
  }
  return cols;
}

/** Non-blank characters outside comments of every original line, with their columns. */
function significantChars(lines: readonly string[]): SigChar[][] {
  let inComment = false;
  return lines.map((line) => {
    const out: SigChar[] = [];
    let i = 0;
    let quote: string | null = null;
    while (i < line.length) {
      if (inComment) {
        if (line.startsWith('*/', i)) {
          inComment = false;
          i += 2;
        } else i++;
        continue;
      }
      const ch = line[i];
      if (quote === null && line.startsWith('/*', i)) {
        inComment = true;
        i += 2;
        continue;
      }
      if (quote === null && line.startsWith('//', i)) break;
      if (quote !== null && ch === '\\') {
        out.push({ col: i + 1, ch }, { col: i + 2, ch: line[i + 1] ?? '' });
        i += 2;
        continue;
      }
      if (ch === '"' || ch === "'") quote = quote === null ? ch : quote === ch ? null : quote;
      if (!/\s/.test(ch)) out.push({ col: i + 1, ch });
      i++;
    }
    return out;
  });
}
