/**
 * Preprocessing of a C file before parsing.
 *
 * With a system C compiler on PATH (`cc`), runs `cc -E` with arc's own
 * headers (the repository's `include/`) searched first, reading the user's
 * text from stdin. Linemarkers are removed from the text (tree-sitter cannot
 * parse them inside expressions) and turned into a per-line origin table, so
 * every line of the output maps back to a file and line.
 *
 * Without a compiler (or when forced with `ARC_PREPROCESSOR=builtin`), a small
 * built-in preprocessor handles `#include` of <limits.h>, <stdbool.h>,
 * <stdint.h> and <assert.h>, object-like `#define`/`#undef`, and
 * `#ifdef`/`#ifndef`/`#if 0`/`#if 1`/`#else`/`#endif`; other includes are
 * dropped with a note, other constructs are reported as unsupported.
 *
 * Guarantees: the output has one origin per line; lines of the user's own
 * file have `user: true` and their 1-based original line number.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diagnostic, type Diagnostic, type SourceSpan } from '../../core/diagnostic.js';
import type { DataModel } from './ctypes.js';
import { builtinHeaderMacros } from './builtin-headers.js';

export interface LineOrigin {
  /** The file the line comes from (the user's display name for the user file). */
  readonly file: string;
  /** 1-based line in that file. */
  readonly line: number;
  readonly user: boolean;
}

export type PreprocessResult =
  | {
      readonly ok: true;
      readonly text: string;
      readonly origins: readonly LineOrigin[];
      readonly diagnostics: Diagnostic[];
    }
  | { readonly ok: false; readonly diagnostics: Diagnostic[] };

export type PreprocessorChoice = 'system' | 'builtin';

/** arc's header folder, `include/` at the package root. */
function arcIncludeDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  // src/frontends/c (sources) or dist/src/frontends/c (compiled)
  for (const up of ['../../..', '../../../..']) {
    const dir = join(here, up, 'include');
    try {
      accessSync(join(dir, 'assert.h'), constants.R_OK);
      return dir;
    } catch {
      // try the next candidate
    }
  }
  return join(here, '../../../include');
}

/** The system compiler driver on PATH, or null. */
function findCompiler(): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, 'cc');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

const ILP32_FLAGS = [
  '-U__x86_64__',
  '-U__LP64__',
  '-U_LP64',
  '-D__i386__',
  '-U__SIZEOF_LONG__',
  '-D__SIZEOF_LONG__=4',
  '-U__LONG_MAX__',
  '-D__LONG_MAX__=0x7fffffffL',
  '-U__SIZE_TYPE__',
  '-D__SIZE_TYPE__=unsigned int',
  '-U__SIZEOF_POINTER__',
  '-D__SIZEOF_POINTER__=4',
];

export async function preprocess(
  file: string,
  text: string,
  model: DataModel,
  choice?: PreprocessorChoice,
): Promise<PreprocessResult> {
  const forced = choice ?? (process.env.ARC_PREPROCESSOR === 'builtin' ? 'builtin' : 'system');
  const cc = forced === 'system' ? findCompiler() : null;
  if (cc === null) return builtinPreprocess(file, text, model);
  const args = ['-E', '-x', 'c', '-I', arcIncludeDir(), '-iquote', dirname(file)];
  if (model === 'ILP32') args.push(...ILP32_FLAGS);
  args.push('-');
  const run = await runProcess(cc, args, text);
  if (run.code !== 0) return { ok: false, diagnostics: compilerErrors(file, run.stderr) };
  // <stddef.h>'s offsetof expands to gcc's builtin: spell it as the `offsetof`
  // the parser knows, padded to the same length so that columns stay put.
  const expanded = run.stdout.replace(/__builtin_offsetof\b/g, '          offsetof');
  return { ok: true, ...stripLinemarkers(file, expanded), diagnostics: [] };
}

interface ProcessRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function runProcess(cmd: string, args: string[], input: string): Promise<ProcessRun> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => resolve({ code: -1, stdout: '', stderr: String(e) }));
    child.on('close', (code) =>
      resolve({
        code: code ?? -1,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      }),
    );
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}

function pointSpan(file: string, line: number, col: number): SourceSpan {
  return { file, startLine: line, startCol: col, endLine: line, endCol: col + 1 };
}

/**
 * Turns `<stdin>:3:10: error: ...` lines into diagnostics on the user's file.
 * Some errors have a line and no column (`<stdin>:1: error: unterminated
 * #if`): column 1 then. An error inside an included file is located there.
 */
function compilerErrors(file: string, stderr: string): Diagnostic[] {
  const diags: Diagnostic[] = [];
  for (const line of stderr.split('\n')) {
    const m = /^(.*?):(\d+):(?:(\d+):)? (?:fatal )?error: (.*)$/.exec(line);
    if (!m) continue;
    const msg = m[4].replace(/<stdin>/g, file);
    const col = m[3] === undefined ? 1 : Number(m[3]);
    const span = pointSpan(m[1] === '<stdin>' ? file : m[1], Number(m[2]), col);
    diags.push(diagnostic('preprocessor-error', 'error', msg, span));
  }
  if (diags.length === 0) {
    const first = stderr.trim().split('\n')[0] ?? '';
    diags.push(diagnostic('preprocessor-error', 'error', `the C preprocessor failed: ${first}`));
  }
  return diags;
}

/** Blanks linemarkers and pragmas, recording each remaining line's origin. */
function stripLinemarkers(file: string, output: string): { text: string; origins: LineOrigin[] } {
  const lines = output.split('\n');
  const origins: LineOrigin[] = [];
  let curFile = '<stdin>';
  let curLine = 1;
  const out: string[] = [];
  for (const line of lines) {
    const m = /^#\s*(\d+)\s+"((?:[^"\\]|\\.)*)"/.exec(line);
    if (m) {
      curFile = m[2];
      curLine = Number(m[1]);
      origins.push({ file: curFile, line: curLine, user: false });
      out.push('');
      continue;
    }
    const user = curFile === '<stdin>';
    origins.push({ file: user ? file : curFile, line: curLine, user });
    out.push(/^\s*#/.test(line) ? '' : line);
    curLine++;
  }
  return { text: out.join('\n'), origins };
}

// ---------------------------------------------------------------------------
// Built-in fallback

interface BuiltinState {
  readonly macros: Map<string, string>;
  readonly diags: Diagnostic[];
  /** Stack of "is this branch active" for conditionals. */
  readonly conds: { active: boolean; parentActive: boolean; seenElse: boolean }[];
  inComment: boolean;
}

function builtinPreprocess(file: string, text: string, model: DataModel): PreprocessResult {
  const lines = text.split('\n');
  const st: BuiltinState = { macros: new Map(), diags: [], conds: [], inComment: false };
  const out: string[] = [];
  lines.forEach((line, i) => {
    const active = st.conds.every((c) => c.active);
    if (!st.inComment && /^\s*#/.test(line)) {
      directive(line.trim().slice(1).trim(), file, i + 1, active, model, st);
      out.push('');
    } else out.push(active ? expandLine(line, st) : '');
  });
  if (st.diags.some((d) => d.severity === 'error')) return { ok: false, diagnostics: st.diags };
  const origins = lines.map((_, i) => ({ file, line: i + 1, user: true }));
  return { ok: true, text: out.join('\n'), origins, diagnostics: st.diags };
}

function directive(
  d: string,
  file: string,
  line: number,
  active: boolean,
  model: DataModel,
  st: BuiltinState,
): void {
  const span = pointSpan(file, line, 1);
  const [, name, rest0] = /^(\w*)\s*(.*)$/.exec(d) ?? ['', '', ''];
  const rest = rest0
    .replace(/\/\/.*$/, '')
    .replace(/\/\*.*?\*\//g, '')
    .trim();
  if (conditional(name, rest, active, span, st)) return;
  if (!active || name === '' || name === 'pragma') return;
  if (name === 'include') return include(rest, span, model, st);
  if (name === 'define') return define(rest, span, st);
  if (name === 'undef') {
    st.macros.delete(rest);
    return;
  }
  if (name === 'error') {
    st.diags.push(diagnostic('preprocessor-error', 'error', `#error ${rest}`, span));
    return;
  }
  st.diags.push(
    diagnostic(
      'unsupported',
      'error',
      `the directive #${name} (no C preprocessor is installed; arc's built-in one is minimal)`,
      span,
    ),
  );
}

function conditional(
  name: string,
  rest: string,
  active: boolean,
  span: SourceSpan,
  st: BuiltinState,
): boolean {
  const push = (cond: boolean): void => {
    st.conds.push({ active: active && cond, parentActive: active, seenElse: false });
  };
  switch (name) {
    case 'ifdef':
      push(st.macros.has(rest));
      return true;
    case 'ifndef':
      push(!st.macros.has(rest));
      return true;
    case 'if':
      if (rest === '0' || rest === '1') push(rest === '1');
      else {
        st.diags.push(
          diagnostic('unsupported', 'error', `#if ${rest} (no C preprocessor is installed)`, span),
        );
        push(false);
      }
      return true;
    case 'else': {
      const top = st.conds[st.conds.length - 1];
      if (top) top.active = top.parentActive && !top.active && !top.seenElse;
      if (top) top.seenElse = true;
      return true;
    }
    case 'endif':
      st.conds.pop();
      return true;
    case 'elif':
      st.diags.push(
        diagnostic('unsupported', 'error', '#elif (no C preprocessor is installed)', span),
      );
      return true;
    default:
      return false;
  }
}

function include(rest: string, span: SourceSpan, model: DataModel, st: BuiltinState): void {
  const m = /^[<"]([^>"]+)[>"]/.exec(rest);
  const header = m ? m[1] : rest;
  const macros = builtinHeaderMacros(header, model, st.macros.has('NDEBUG'));
  if (macros === null) {
    st.diags.push(
      diagnostic('note', 'note', `#include ${rest} dropped (no C preprocessor is installed)`, span),
    );
    return;
  }
  for (const [k, v] of macros) st.macros.set(k, v);
}

function define(rest: string, span: SourceSpan, st: BuiltinState): void {
  const m = /^([A-Za-z_]\w*)(\(?)\s*(.*)$/.exec(rest);
  if (!m) return;
  if (m[2] === '(') {
    st.diags.push(
      diagnostic(
        'unsupported',
        'error',
        `the function-like macro ${m[1]} (no C preprocessor is installed)`,
        span,
      ),
    );
    return;
  }
  st.macros.set(m[1], m[3]);
}

/** Expands object-like macros outside comments, strings and character constants. */
function expandLine(line: string, st: BuiltinState): string {
  let out = '';
  let i = 0;
  while (i < line.length) {
    if (st.inComment) {
      const end = line.indexOf('*/', i);
      if (end < 0) return out + line.slice(i);
      out += line.slice(i, end + 2);
      i = end + 2;
      st.inComment = false;
      continue;
    }
    const rest = line.slice(i);
    const tok =
      /^\/\/.*/.exec(rest) ??
      /^"(?:[^"\\]|\\.)*"?/.exec(rest) ??
      /^'(?:[^'\\]|\\.)*'?/.exec(rest) ??
      /^[A-Za-z_]\w*/.exec(rest) ??
      /^[0-9][\w.]*/.exec(rest);
    if (rest.startsWith('/*')) {
      st.inComment = true;
      out += '/*';
      i += 2;
    } else if (tok) {
      out += /^[A-Za-z_]/.test(tok[0]) ? expandIdent(tok[0], st, new Set()) : tok[0];
      i += tok[0].length;
    } else {
      out += line[i];
      i++;
    }
  }
  return out;
}

function expandIdent(name: string, st: BuiltinState, seen: Set<string>): string {
  const body = st.macros.get(name);
  if (body === undefined || seen.has(name)) return name;
  const inner = new Set(seen).add(name);
  return body.replace(/[A-Za-z_]\w*/g, (id) => expandIdent(id, st, inner));
}
