/**
 * arc's C front-end: C file → preprocessed text → tree-sitter syntax tree →
 * IR (one IrFunction per analysed function, callees inlined).
 *
 * Never throws on bad input: unreadable, empty or binary files, syntax errors
 * in the user's file, unknown entry functions and unsupported constructs are
 * all returned as diagnostics with spans in the original file. Codes
 * `unsupported`/`recursion` mean "valid C arc cannot model" (answer don't
 * know); the others mean bad input.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { C_SYNTAX } from './back-translator.js';
import {
  checkSourceText,
  failed,
  lowerSelected,
  type LoweredFunctions,
  guardLowering,
  readSourceFile,
  type Frontend,
  type FrontendOptions,
  type FrontendResult,
  type SourceText,
} from '../frontend.js';
import { diagnostic, type Diagnostic } from '../../core/diagnostic.js';
import type { IrProgram } from '../../ir/ir.js';
import type { DataModel } from './ctypes.js';
import { tooDeep, tooDeepMessage } from '../nesting.js';
import { lowerFunction } from './entry.js';
import { parseC, type SyntaxNode } from './parser.js';
import { insertImplicitInt, renameMsKeywords } from './implicit-int.js';
import { preprocess, type PreprocessorChoice } from './preprocess.js';
import { ProgramInfo } from './program.js';
import { SourceMap } from './srcmap.js';

/** The front-end options (frontend.ts), with the data model required, and the preprocessor. */
export interface CFrontendOptions extends FrontendOptions {
  readonly dataModel: DataModel;
  /** Force the built-in preprocessor ('builtin'); default: the system `cc` when installed. */
  readonly preprocessor?: PreprocessorChoice;
  /** `malloc`, `calloc` and `realloc` may return NULL (default true). */
  readonly mallocMayFail?: boolean;
  /**
   * C: a function the file calls but does not define returns an arbitrary
   * value and changes nothing else (CBMC's and ESBMC's convention), instead
   * of also making every global arbitrary and its results untrusted.
   */
  readonly undefinedPure?: boolean;
}

export type { FrontendResult, SourceText };

export type CFrontendResult = FrontendResult;

/** The C front-end, for the registry (registry.ts); the data model defaults to LP64. */
export const cFrontend: Frontend = {
  language: 'c',
  extensions: ['.c', '.i', '.h'],
  boundedRecursion: true,
  syntax: C_SYNTAX,
  lower: (file, options) =>
    lowerCFile(file, { ...options, dataModel: options.dataModel ?? 'LP64' }),
};

export async function lowerCFile(
  path: string,
  options: CFrontendOptions,
): Promise<CFrontendResult> {
  const read = await readSourceFile(path, 'C');
  if (!read.ok) return failed(read.diagnostic);
  return lowerCSource(path, read.text, options);
}

export async function lowerCSource(
  file: string,
  text: string,
  options: CFrontendOptions,
): Promise<CFrontendResult> {
  return guardLowering('C', () => lowerChecked(file, text, options));
}

async function lowerChecked(
  file: string,
  text: string,
  options: CFrontendOptions,
): Promise<CFrontendResult> {
  const problem = checkSourceText(file, text, 'C');
  if (problem !== null) return failed(problem);
  const lines = text.split(/\r?\n/);
  const pp = await preprocess(file, text, options.dataModel, options.preprocessor);
  if (!pp.ok) return failed(...pp.diagnostics);
  const c89 = insertImplicitInt(renameMsKeywords(pp.text));
  const tree = await parseC(c89.text);
  try {
    const sm = new SourceMap(file, c89.text, pp.origins, lines);
    const implicit = c89.lines
      .map((line) => lineStart(c89.text, line))
      .filter((at) => sm.isUser(at))
      .map((at) =>
        diagnostic(
          'type-error',
          'warning',
          'a function without a return type: it returns int (C89 implicit int)',
          sm.span(at, at),
        ),
      );
    const deep = tooDeep(tree.rootNode);
    if (deep !== null) {
      const span = sm.span(deep.node.startIndex, deep.node.endIndex);
      return failed(diagnostic('unsupported', 'error', tooDeepMessage(deep), span));
    }
    const syntax = syntaxErrors(tree.rootNode, sm);
    if (syntax.length > 0) return failed(...syntax);
    const prog = new ProgramInfo(options.dataModel, tree.rootNode);
    const models = await libraryModels(options.dataModel);
    const defined = [...prog.functions.values()]
      .filter((f) => f.definition && sm.isUser(f.definition.startIndex))
      .sort((a, b) => (a.definition?.startIndex ?? 0) - (b.definition?.startIndex ?? 0))
      .map((f) => f.name);
    const source = { file, text, lines };
    const result = lowerFunctions(prog, sm, defined, options, models);
    if (!result.ok) return failed(...pp.diagnostics, ...implicit, ...result.diagnostics);
    const program: IrProgram = { file, language: 'c', functions: result.functions };
    return {
      ok: true,
      program,
      diagnostics: [...pp.diagnostics, ...implicit, ...result.diagnostics],
      source,
      definedFunctions: defined,
    };
  } finally {
    tree.delete();
  }
}

function lineStart(text: string, line: number): number {
  let at = 0;
  for (let k = 0; k < line; k++) at = text.indexOf('\n', at) + 1;
  return at;
}

function lowerFunctions(
  prog: ProgramInfo,
  sm: SourceMap,
  defined: string[],
  options: CFrontendOptions,
  models: ProgramInfo | null,
): LoweredFunctions {
  const opts = {
    models,
    mallocMayFail: options.mallocMayFail ?? true,
    undefinedPure: options.undefinedPure ?? false,
    math: options.semantics === 'math',
    returnsTrue: options.returnsTrue ?? false,
    ...(options.recursionDepth !== undefined ? { recursionDepth: options.recursionDepth } : {}),
  };
  const withDefinition = defined.filter((name) => prog.functions.get(name)?.definition);
  return lowerSelected(sm.file, withDefinition, options.entry, (name, asEntry) => {
    const info = prog.functions.get(name);
    if (info === undefined) throw new Error(`internal error: no function ${name}`);
    // Lowering every function: --returns-true applies to those that return a value.
    const returnsTrue = opts.returnsTrue && (asEntry || info.returnType.kind !== 'void');
    return lowerFunction(prog, sm, info, { ...opts, returnsTrue });
  });
}

const modelCache = new Map<DataModel, Promise<ProgramInfo | null>>();

/** The library models (src/frontends/c/models/libc.c), parsed once per data model; null if missing. */
function libraryModels(model: DataModel): Promise<ProgramInfo | null> {
  let p = modelCache.get(model);
  if (p === undefined) {
    p = (async () => {
      const file = modelsFile();
      if (file === null) return null;
      // The tree stays alive for the process: lowering reads its nodes.
      const tree = await parseC(readFileSync(file, 'utf8'));
      return new ProgramInfo(model, tree.rootNode);
    })();
    modelCache.set(model, p);
  }
  return p;
}

function modelsFile(): string | null {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const up of ['.', '../../../../src/frontends/c']) {
    const f = join(here, up, 'models', 'libc.c');
    if (existsSync(f)) return f;
  }
  return null;
}

/** Syntax errors located in the user's file (errors inside system headers are ignored). */
function syntaxErrors(root: SyntaxNode, sm: SourceMap): Diagnostic[] {
  const out: Diagnostic[] = [];
  const visit = (n: SyntaxNode): void => {
    if (out.length >= 5) return;
    // tree-sitter-c reads an unnamed bit-field (`int : 3;`) with a missing field name.
    if (n.isMissing && n.type === 'field_identifier' && n.nextSibling?.type === 'bitfield_clause')
      return;
    if (n.isError || n.isMissing) {
      if (sm.isUser(n.startIndex)) {
        const near = n.text.replace(/\s+/g, ' ').trim().slice(0, 30);
        const msg = n.isMissing
          ? `syntax error: missing ${n.type}`
          : `syntax error${near ? ` near '${near}'` : ''}`;
        out.push(diagnostic('syntax-error', 'error', msg, sm.span(n.startIndex, n.endIndex)));
      }
      return;
    }
    if (n.hasError) for (const c of n.children) visit(c);
  };
  visit(root);
  return out;
}
