/**
 * A bound on how deeply a program's syntax tree may nest. The front-ends
 * (and the IR, SMT and interpreter passes after them) walk expressions and
 * statements recursively; a tree thousands of levels deep (`0 + 1 + … + 2999`,
 * 3,000 nested parentheses) would exhaust the JavaScript stack. Such a
 * program is valid but beyond what arc analyses: the front-ends report it as
 * `unsupported` at the place where the nesting passes the bound (so the answer
 * is don't know, located), before any recursive pass runs. The check itself
 * walks the tree with a cursor, without recursion.
 */
import type { Node } from 'web-tree-sitter';

/** The deepest nesting of syntax-tree nodes arc lowers. C11 asks compilers for 63 levels of parentheses. */
export const MAX_SYNTAX_DEPTH = 1000;

export interface TooDeep {
  /** The first node (in source order) that lies deeper than the bound. */
  readonly node: Node;
  /** The deepest nesting in the tree. */
  readonly depth: number;
}

/** The first node deeper than `limit`, with the tree's depth; null when the tree is within the bound. */
export function tooDeep(root: Node, limit = MAX_SYNTAX_DEPTH): TooDeep | null {
  const cursor = root.walk();
  let depth = 0;
  let max = 0;
  let first: Node | null = null;
  try {
    for (;;) {
      if (depth > max) max = depth;
      if (depth > limit && first === null) first = cursor.currentNode;
      if (cursor.gotoFirstChild()) {
        depth++;
        continue;
      }
      for (;;) {
        if (cursor.gotoNextSibling()) break;
        if (!cursor.gotoParent()) return first === null ? null : { node: first, depth: max };
        depth--;
      }
    }
  } finally {
    cursor.delete();
  }
}

/** The message of the `unsupported` diagnostic. */
export function tooDeepMessage(deep: TooDeep): string {
  return `the program nests ${deep.depth} syntax levels deep here (an expression or statement this deeply nested); arc analyses at most ${MAX_SYNTAX_DEPTH}`;
}
