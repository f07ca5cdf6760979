/**
 * arc's Python front-end: .py file → tree-sitter syntax tree → IR (one
 * IrFunction per analysed function, callees defined in the file inlined),
 * with the same result shape and diagnostic codes as the C front-end.
 *
 * The subset and its model are described where they are lowered: values
 * and expressions in lower.ts (integers are mathematical, IR `int`; bools
 * are IR `bool` cast to 0/1 where Python mixes them), statements in stmt.ts,
 * calls and builtins in calls.ts and builtins.ts, the entry function and its
 * parameters in entry.ts (arbitrary integers, so `isinstance(x, int)`
 * holds). Module-level code other than `def` and
 * imports is not analysed (a note says so); a name it binds is an
 * unsupported global where a function uses it. Only `typing` may be
 * imported: any other module could rebind the builtins the subset models.
 *
 * Never throws on bad input.
 */
import { PYTHON_SYNTAX } from './back-translator.js';
import {
  checkSourceText,
  dedupeDiagnostics,
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
import { lowerFunction } from './entry.js';
import { tooDeep, tooDeepMessage } from '../nesting.js';
import { parsePython, type SyntaxNode } from './parser.js';
import { returnsValue, spanOf, type ModuleInfo, type PyFunctionInfo } from './syntax.js';

/** The front-end options (frontend.ts); only `entry` and `returnsTrue` apply to Python. */
export type PyFrontendOptions = FrontendOptions;

export type PyFrontendResult = FrontendResult;

/** The Python front-end, for the registry (registry.ts). */
export const pythonFrontend: Frontend = {
  language: 'python',
  extensions: ['.py'],
  boundedRecursion: false,
  syntax: PYTHON_SYNTAX,
  lower: lowerPythonFile,
};

export async function lowerPythonFile(
  path: string,
  options: PyFrontendOptions,
): Promise<PyFrontendResult> {
  const read = await readSourceFile(path, 'Python');
  if (!read.ok) return failed(read.diagnostic);
  return lowerPythonSource(path, read.text, options);
}

export async function lowerPythonSource(
  file: string,
  text: string,
  options: PyFrontendOptions,
): Promise<PyFrontendResult> {
  return guardLowering('Python', () => lowerChecked(file, text, options));
}

async function lowerChecked(
  file: string,
  text: string,
  options: PyFrontendOptions,
): Promise<PyFrontendResult> {
  const problem = checkSourceText(file, text, 'Python');
  if (problem !== null) return failed(problem);
  const lines = text.split(/\r?\n/);
  const tree = await parsePython(text);
  try {
    const root = tree.rootNode;
    const deep = tooDeep(root);
    if (deep !== null)
      return failed(
        diagnostic('unsupported', 'error', tooDeepMessage(deep), spanOf(file, deep.node)),
      );
    const syntax = syntaxErrors(file, root);
    if (syntax.length > 0) return failed(...syntax);
    const { mod, order, notes } = scanModule(file, root);
    const imports = unsupportedImports(file, root);
    if (imports.length > 0) return failed(...imports);
    const source: SourceText = { file, text, lines };
    const result = lowerFunctions(mod, order, options);
    if (!result.ok) return failed(...result.diagnostics);
    const program: IrProgram = { file, language: 'python', functions: result.functions };
    return {
      ok: true,
      program,
      diagnostics: dedupeDiagnostics([...notes, ...result.diagnostics]),
      source,
      definedFunctions: order,
    };
  } finally {
    tree.delete();
  }
}

function scanModule(
  file: string,
  root: SyntaxNode,
): { mod: ModuleInfo; order: string[]; notes: Diagnostic[] } {
  const functions = new Map<string, PyFunctionInfo>();
  const order: string[] = [];
  const bound = new Set<string>();
  const notes: Diagnostic[] = [];
  let starImport = false;
  let moduleCode = false;
  const addDef = (def: SyntaxNode, decorated: boolean): void => {
    const name = def.childForFieldName('name')?.text;
    if (name === undefined) return;
    const duplicate = functions.has(name);
    if (!duplicate) order.push(name);
    functions.set(name, { name, node: def, decorated, duplicate });
  };
  /** Records the names a module-level statement may bind (nested defs excluded). */
  const bindTargets = (n: SyntaxNode, parent: SyntaxNode | null): void => {
    for (const f of ['left', 'name', 'alias']) {
      const t = n.childForFieldName(f);
      if (t?.type === 'identifier') bound.add(t.text);
    }
    // A def nested in module-level code binds its name; its body binds nothing here.
    if (n.type === 'function_definition') return;
    // typing exports no name of a builtin the subset uses.
    if (n.type === 'wildcard_import' && parent?.childForFieldName('module_name')?.text !== 'typing')
      starImport = true;
    const importStmt =
      parent?.type === 'import_statement' || parent?.type === 'import_from_statement';
    if (n.type === 'dotted_name' && importStmt && n !== parent?.childForFieldName('module_name')) {
      const first = n.namedChildren[0];
      if (first) bound.add(first.text);
    }
    for (const c of n.namedChildren) if (c !== null) bindTargets(c, n);
  };
  for (const c of root.namedChildren) {
    if (c === null || c.type === 'comment') continue;
    if (c.type === 'function_definition') addDef(c, false);
    else if (c.type === 'decorated_definition') {
      const def = c.childForFieldName('definition');
      if (def?.type === 'function_definition') addDef(def, true);
      else bindTargets(c, null);
    } else if (
      c.type === 'expression_statement' &&
      c.namedChildren.length === 1 &&
      c.namedChildren[0]?.type === 'string'
    ) {
      continue; // a docstring
    } else {
      bindTargets(c, null);
      if (
        c.type !== 'import_statement' &&
        c.type !== 'import_from_statement' &&
        c.type !== 'future_import_statement'
      )
        moduleCode = true;
      if (moduleCode && notes.length === 0)
        notes.push(
          diagnostic(
            'note',
            'note',
            'module-level statements other than def and import are not analysed',
            spanOf(file, c),
          ),
        );
    }
  }
  return { mod: { file, functions, bound, starImport }, order, notes };
}

function lowerFunctions(
  mod: ModuleInfo,
  order: string[],
  options: PyFrontendOptions,
): LoweredFunctions {
  const returnsTrue = options.returnsTrue ?? false;
  const defined = order.filter((name) => mod.functions.has(name));
  return lowerSelected(mod.file, defined, options.entry, (name, asEntry) => {
    const info = mod.functions.get(name);
    if (info === undefined) throw new Error(`internal error: no function ${name}`);
    // Lowering every function: --returns-true applies to those that return a value.
    return lowerFunction(mod, info, returnsTrue && (asEntry || returnsValue(info.node)));
  });
}

/** Modules a file may import: type hints only (`__future__` imports are their own statement). */
const IMPORTABLE: ReadonlySet<string> = new Set(['typing']);

/**
 * Module-level imports of anything but `typing`: importing a module runs its
 * code, which may rebind the builtins the subset relies on, so the file is
 * outside the subset (imports inside functions are refused by lower.ts).
 */
function unsupportedImports(file: string, root: SyntaxNode): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const c of root.namedChildren) {
    if (c === null) continue;
    let modules: SyntaxNode[] = [];
    if (c.type === 'import_statement')
      modules = c.childrenForFieldName('name').flatMap((n) => {
        if (n === null) return [];
        const m = n.type === 'aliased_import' ? n.childForFieldName('name') : n;
        return m === null ? [] : [m];
      });
    else if (c.type === 'import_from_statement') {
      const m = c.childForFieldName('module_name');
      if (m !== null) modules = [m];
    }
    for (const m of modules) {
      const top = m.type === 'dotted_name' ? m.text.split('.')[0].trim() : '';
      if (IMPORTABLE.has(top)) continue;
      const msg = `importing ${m.text} is not supported by arc's Python subset (only typing may be imported: another module may run code that rebinds builtins)`;
      out.push(diagnostic('unsupported', 'error', msg, spanOf(file, m)));
    }
  }
  return out;
}

function syntaxErrors(file: string, root: SyntaxNode): Diagnostic[] {
  const out: Diagnostic[] = [];
  const visit = (n: SyntaxNode): void => {
    if (out.length >= 5) return;
    if (n.isError || n.isMissing) {
      const near = n.text.replace(/\s+/g, ' ').trim().slice(0, 30);
      const msg = n.isMissing
        ? `syntax error: missing ${n.type}`
        : `syntax error${near ? ` near '${near}'` : ''}`;
      out.push(diagnostic('syntax-error', 'error', msg, spanOf(file, n)));
      return;
    }
    if (n.hasError) for (const c of n.children) if (c) visit(c);
  };
  visit(root);
  return out;
}
