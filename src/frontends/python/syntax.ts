/**
 * What the Python front-end knows of a module before lowering: its functions
 * and the names bound at module level, and the helpers on syntax nodes every
 * part of the lowering shares (spans, named children, scans of a function
 * body). Pure: nothing here builds IR or throws.
 */
import type { SourceSpan } from '../../core/diagnostic.js';
import type { SyntaxNode } from './parser.js';

export interface PyFunctionInfo {
  readonly name: string;
  readonly node: SyntaxNode;
  readonly decorated: boolean;
  readonly duplicate: boolean;
}

export interface ModuleInfo {
  readonly file: string;
  readonly functions: ReadonlyMap<string, PyFunctionInfo>;
  /** Names bound at module level other than by a plain `def` (imports, assignments, classes). */
  readonly bound: ReadonlySet<string>;
  /** A `from m import *` may rebind any name. */
  readonly starImport: boolean;
}

/** The node's span in `file` (lines and columns 1-based; at least one column wide). */
export function spanOf(file: string, n: SyntaxNode): SourceSpan {
  const a = n.startPosition;
  const b = n.endPosition;
  const endCol = b.row === a.row ? Math.max(b.column + 1, a.column + 2) : b.column + 1;
  return {
    file,
    startLine: a.row + 1,
    startCol: a.column + 1,
    endLine: b.row + 1,
    endCol,
  };
}

/** The node's named children, comments left out. */
export function named(n: SyntaxNode): SyntaxNode[] {
  return n.namedChildren.filter((c): c is SyntaxNode => c !== null && c.type !== 'comment');
}

/** The node's text on one line, at most 60 characters, for messages. */
export function shortText(n: SyntaxNode): string {
  const t = n.text.replace(/\s+/g, ' ').trim();
  return t.length > 60 ? `${t.slice(0, 57)}...` : t;
}

/** Names a function body assigns (its locals besides the parameters), nested scopes excluded. */
export function assignedNames(n: SyntaxNode, out: Set<string>): Set<string> {
  for (const c of named(n)) {
    if (c.type === 'function_definition' || c.type === 'class_definition') continue;
    if (
      c.type === 'assignment' ||
      c.type === 'augmented_assignment' ||
      c.type === 'for_statement'
    ) {
      const left = c.childForFieldName('left');
      if (left?.type === 'identifier') out.add(left.text);
    }
    assignedNames(c, out);
  }
  return out;
}

/** Whether the body contains `return <value>` (outside nested scopes). */
export function returnsValue(n: SyntaxNode): boolean {
  for (const c of named(n)) {
    if (c.type === 'function_definition' || c.type === 'class_definition') continue;
    if (c.type === 'return_statement' && named(c).length > 0) return true;
    if (returnsValue(c)) return true;
  }
  return false;
}
