/**
 * What every front-end shares: the `Frontend` interface and its options (the
 * registry, registry.ts, picks one by file extension), the result type,
 * reading the user's source file (a missing, unreadable, binary or empty file
 * is a diagnostic, exit 2, never an exception), and the guard that turns a
 * lowering failure into a diagnostic.
 */
import { readFile } from 'node:fs/promises';
import { diagnostic, formatLocation, type Diagnostic } from '../core/diagnostic.js';
import type { SourceSyntax } from '../ir/syntax.js';
import type { IrFunction, IrProgram } from '../ir/ir.js';
import { LowerError } from './errors.js';

/** The original user file, for path display. */
export interface SourceText {
  file: string;
  text: string;
  lines: string[];
}

/**
 * What a caller may ask of any front-end. Each front-end uses the options
 * that apply to its language and ignores the others (Python has no data
 * model, its integers are always mathematical, and it does not inline
 * recursion).
 */
export interface FrontendOptions {
  /** Lower only this function (and what it calls, inlined); without it, every defined function. */
  readonly entry?: string;
  /**
   * Add a `returns-true` property on every path into the return node: the
   * result is true (C: not 0; Python: truthy, not 0, False or None).
   */
  readonly returnsTrue?: boolean;
  /** C: the data model (the C front-end's default is LP64). */
  readonly dataModel?: 'LP64' | 'ILP32';
  /** C: 'math' makes integers mathematical (no overflow, no bitwise operators); default 'c'. */
  readonly semantics?: 'c' | 'math';
  /**
   * For a front-end with `boundedRecursion`: inline recursive calls up to
   * this many nested active calls of one function; a deeper call becomes an
   * `unwinding` property (assert false). Without it, recursion is reported as
   * a `recursion` diagnostic.
   */
  readonly recursionDepth?: number;
  /** C: `malloc`, `calloc` and `realloc` may return NULL (default true). */
  readonly mallocMayFail?: boolean;
  /**
   * C: a function the file calls but does not define returns an arbitrary
   * value and changes nothing else (CBMC's and ESBMC's convention), instead
   * of also making every global arbitrary and its results untrusted.
   */
  readonly undefinedPure?: boolean;
}

/**
 * A front-end: the source files of one language → IR. A new language is a
 * folder under src/frontends whose index.ts exports one of these, and a line
 * in registry.ts.
 */
export interface Frontend {
  readonly language: IrProgram['language'];
  /** The endings of the file names it lowers, dot included ('.py'). */
  readonly extensions: readonly string[];
  /** Whether it honours `FrontendOptions.recursionDepth` (bounded inlining of recursion). */
  readonly boundedRecursion: boolean;
  /** The back-translator: how the language writes invariants and values (ir/syntax.ts). */
  readonly syntax: SourceSyntax;
  /** Reads and lowers `file`; bad input is returned as diagnostics, never thrown. */
  lower(file: string, options: FrontendOptions): Promise<FrontendResult>;
}

export type FrontendResult =
  | {
      ok: true;
      program: IrProgram;
      diagnostics: Diagnostic[];
      source: SourceText;
      definedFunctions: string[];
    }
  | { ok: false; diagnostics: Diagnostic[] };

export function failed(...diagnostics: Diagnostic[]): FrontendResult {
  return { ok: false, diagnostics };
}

/**
 * Runs a front-end's lowering: a `LowerError` becomes its diagnostic; any
 * other exception (a bug in the front-end) becomes an `unsupported`
 * diagnostic naming it, so the answer is don't know rather than a crash.
 */
export async function guardLowering(
  language: string,
  lower: () => Promise<FrontendResult>,
): Promise<FrontendResult> {
  try {
    return await lower();
  } catch (e: unknown) {
    if (e instanceof LowerError) return failed(e.diagnostic);
    const msg = e instanceof Error ? e.message : String(e);
    return failed(
      diagnostic('unsupported', 'error', `internal error in the ${language} front-end: ${msg}`),
    );
  }
}

export type SourceFileRead =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly diagnostic: Diagnostic };

/** Reads `path` as UTF-8 text; `language` names what the file should be ("C", "Python"). */
export async function readSourceFile(path: string, language: string): Promise<SourceFileRead> {
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (e: unknown) {
    const code = (e as { code?: string }).code;
    if (code === 'ENOENT') {
      return {
        ok: false,
        diagnostic: diagnostic('file-not-found', 'error', `${path}: no such file`),
      };
    }
    const why = `${path}: cannot be read (${code ?? String(e)})`;
    return { ok: false, diagnostic: diagnostic('file-unreadable', 'error', why) };
  }
  const text = data.toString('utf8');
  const problem = checkSourceText(path, text, language);
  return problem === null ? { ok: true, text } : { ok: false, diagnostic: problem };
}

/** A binary (NUL bytes) or empty text is not a program: the diagnostic, or null. */
export function checkSourceText(file: string, text: string, language: string): Diagnostic | null {
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    // Located at the first NUL byte (line and column 1-based, columns in UTF-16 units).
    const before = text.slice(0, nul);
    const line = before.split('\n').length;
    const col = nul - before.lastIndexOf('\n');
    const why = `${file} is a binary file (it contains NUL bytes), not ${language} source`;
    return diagnostic('binary-file', 'error', why, {
      file,
      startLine: line,
      startCol: col,
      endLine: line,
      endCol: col + 1,
    });
  }
  if (text.trim() === '') return diagnostic('empty-file', 'error', `${file} is empty`);
  return null;
}

export type LoweredFunctions =
  | { ok: true; functions: Map<string, IrFunction>; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

/** Lowers one function; `asEntry` is false when every function of the file is lowered (`arc ir`). */
export type LowerOne = (name: string, asEntry: boolean) => { fn: IrFunction; notes: Diagnostic[] };

/**
 * With `entry`, lowers that function (an unknown name is an `unknown-function`
 * diagnostic listing the defined ones); without it, every defined function,
 * where one that cannot be lowered becomes a warning as long as another can.
 */
export function lowerSelected(
  file: string,
  defined: readonly string[],
  entry: string | undefined,
  lowerOne: LowerOne,
): LoweredFunctions {
  if (entry !== undefined) {
    if (!defined.includes(entry)) {
      const list = defined.length > 0 ? defined.join(', ') : 'none';
      const msg = `the function ${entry} is not defined in ${file} (defined functions: ${list})`;
      return { ok: false, diagnostics: [diagnostic('unknown-function', 'error', msg)] };
    }
    const { fn, notes } = lowerOne(entry, true);
    return { ok: true, functions: new Map([[fn.name, fn]]), diagnostics: dedupeDiagnostics(notes) };
  }
  const functions = new Map<string, IrFunction>();
  const diagnostics: Diagnostic[] = [];
  const failures: Diagnostic[] = [];
  for (const name of defined) {
    try {
      const { fn, notes } = lowerOne(name, false);
      functions.set(name, fn);
      diagnostics.push(...notes);
    } catch (e: unknown) {
      if (!(e instanceof LowerError)) throw e;
      failures.push(e.diagnostic);
      const message = `${name} is not lowered: ${e.diagnostic.message}`;
      diagnostics.push({ ...e.diagnostic, severity: 'warning', message });
    }
  }
  if (functions.size > 0)
    return { ok: true, functions, diagnostics: dedupeDiagnostics(diagnostics) };
  if (failures.length > 0) return { ok: false, diagnostics: failures };
  const none = diagnostic('unknown-function', 'error', `${file} defines no function`);
  return { ok: false, diagnostics: [none] };
}

/** Drops repeated diagnostics (same code, message and position), e.g. from inlined copies. */
export function dedupeDiagnostics(ds: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const key = `${d.code}|${d.message}|${d.location ? formatLocation(d.location) : ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
