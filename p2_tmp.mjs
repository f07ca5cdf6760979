import { Parser, Language } from 'web-tree-sitter';
await Parser.init();
const L = await Language.load('/work/main/node_modules/tree-sitter-c/tree-sitter-c.wasm');
const p = new Parser(); p.setLanguage(L);
const t = p.parse(process.argv[2]);
console.log(t.rootNode.toString());
