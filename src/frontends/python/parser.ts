/**
 * Loads tree-sitter and its Python grammar once per process and parses text.
 * The wasm grammar is resolved through the `tree-sitter-python` package, so it
 * is found wherever npm installed it.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Language, Parser, type Node, type Tree } from 'web-tree-sitter';

export type { Node as SyntaxNode, Tree as SyntaxTree };

let parserPromise: Promise<Parser> | null = null;

async function createParser(): Promise<Parser> {
  await Parser.init();
  const require = createRequire(import.meta.url);
  const dir = dirname(require.resolve('tree-sitter-python/package.json'));
  const language = await Language.load(join(dir, 'tree-sitter-python.wasm'));
  const parser = new Parser();
  parser.setLanguage(language);
  return parser;
}

/** Parses Python text; the parser is created on first use and then reused. */
export async function parsePython(text: string): Promise<Tree> {
  parserPromise ??= createParser();
  const parser = await parserPromise;
  const tree = parser.parse(text);
  if (tree === null) throw new Error('tree-sitter returned no tree');
  return tree;
}
