/**
 * What every front-end shares: its result type, reading the user's source
 * file (a missing, unreadable, binary or empty file is a diagnostic, exit 2,
 * never an exception), and the guard that turns a lowering failure into a
 * diagnostic.
 */
import { readFile } from 'node:fs/promises';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { IrProgram } from '../ir/ir.js';
import { LowerError } from './c/errors.js';

/** The original user file, for path display. */
export interface SourceText {
  file: string;
  text: string;
  lines: string[];
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
  if (text.includes('\0')) {
    const why = `${file} is a binary file (it contains NUL bytes), not ${language} source`;
    return diagnostic('binary-file', 'error', why);
  }
  if (text.trim() === '') return diagnostic('empty-file', 'error', `${file} is empty`);
  return null;
}
