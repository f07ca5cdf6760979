/** C89 implicit int: where `int ` is inserted before a function name, and where not. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { insertImplicitInt, renameMsKeywords } from '../../../src/frontends/c/implicit-int.js';

test('a definition without a return type gets int, on its own line', () => {
  const r = insertImplicitInt('int g;\nmain() {\n  return 0;\n}\nfib(n)\nint n;\n{ return n; }\n');
  assert.equal(r.text, 'int g;\nint main() {\n  return 0;\n}\nint fib(n)\nint n;\n{ return n; }\n');
  assert.deepEqual(r.lines, [1, 4]);
});

test('declarations that start with a type, a typedef name or a call are left alone', () => {
  for (const text of [
    'void (*hook)(void) = f;\n',
    'T (*table[2])(int);\n',
    'int f(void) { return g(1); }\n',
    'struct S { int a; } s;\nstruct S make(void) { return s; }\n',
    'static int x = (1);\n',
    'int a[] = { 1, 2 };\n',
    'char *s = "main() {";\n',
    'T (f)(int) { return 0; }\n',
  ]) {
    const r = insertImplicitInt(text);
    assert.equal(r.text, text, text);
    assert.deepEqual(r.lines, []);
  }
});

test('after a function body a new declaration may start; after a struct body it may not', () => {
  assert.equal(
    insertImplicitInt('int f(void) { }\ng() { }\n').text,
    'int f(void) { }\nint g() { }\n',
  );
  assert.equal(
    insertImplicitInt('struct S { int a; }\nf(void) { }\n').text,
    'struct S { int a; }\nf(void) { }\n',
  );
});

test('names tree-sitter takes for Microsoft keywords are renamed in place, not inside literals', () => {
  const text = 'typedef union { union wait *__uptr; int *__iptr; } W;\nchar *s = "__uptr";\n';
  const out = renameMsKeywords(text);
  assert.equal(out, 'typedef union { union wait *__uptR; int *__iptr; } W;\nchar *s = "__uptr";\n');
  assert.equal(out.length, text.length);
  assert.equal(renameMsKeywords('int __sptr, _unaligned;'), 'int __sptR, _unaligneD;');
});
