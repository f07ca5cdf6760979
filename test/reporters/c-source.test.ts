/** Placing witness locations in C text: statements, loop keywords, functions, calls. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { blankNonCode, CSource } from '../../src/reporters/c-source.js';

const TEXT = [
  '# 1 "prog.c"', // 1: a line marker of a preprocessed file
  '/* int fake(void) { while (1); } */', // 2
  'static int g(int a) __attribute__((noinline)) {', // 3
  '  const char *s = "while (x) {";', // 4
  '  if (a > 0) a = a * 2; else a = -a + 1;', // 5
  "  switch (a) { case 3: a = a << 1; break; default: a = a ? a : 'x'; }", // 6
  '  return a;', // 7
  '}', // 8
  'int main(void) {', // 9
  '  int i = 0;', // 10
  '  for (i = 0; g(i) < 5; i++)', // 11
  '    ;', // 12
  '  do i--; while (i > 0);', // 13
  '  return g(i) + g(1);', // 14
  '}', // 15
  '',
].join('\n');

const src = new CSource(TEXT);
const at = (line: number, col: number): number => {
  const offset = src.offsetOf(line, col);
  assert.ok(offset !== undefined);
  return offset;
};
const lc = (offset: number | undefined): [number, number] | undefined => {
  if (offset === undefined) return undefined;
  const p = src.lineColOf(offset);
  return [p.line, p.column];
};

test('comments, literals and preprocessor lines are blanked, offsets kept', () => {
  const code = blankNonCode(TEXT);
  assert.equal(code.length, TEXT.length);
  assert.equal(code.split('\n').length, TEXT.split('\n').length);
  assert.doesNotMatch(code, /fake|prog\.c|while \(x\)/);
  assert.match(code, /static int g/);
});

test('functionAt names the function whose body holds a position; attributes are skipped', () => {
  assert.equal(src.functionAt(at(5, 3)), 'g');
  assert.equal(src.functionAt(at(14, 3)), 'main');
  assert.equal(src.functionAt(at(2, 10)), undefined, 'inside a comment is outside any function');
  assert.equal(src.functionAt(at(1, 1)), undefined);
});

test('statementStart finds the statement or full expression around a position', () => {
  // `a * 2` in `if (a > 0) a = a * 2;`: the body statement, not the if.
  assert.deepEqual(lc(src.statementStart(at(5, 18))), [5, 14]);
  // `-a + 1` after `else`.
  assert.deepEqual(lc(src.statementStart(at(5, 35))), [5, 30]);
  // The controlling expression of the if.
  assert.deepEqual(lc(src.statementStart(at(5, 7))), [5, 7]);
  // After `case 3:` and after `default:`, across `?:`.
  assert.deepEqual(lc(src.statementStart(at(6, 29))), [6, 24]);
  assert.deepEqual(lc(src.statementStart(at(6, 64))), [6, 52]);
  // `return g(i) + g(1)`: the whole statement.
  assert.deepEqual(lc(src.statementStart(at(14, 17))), [14, 3]);
  // The condition clause of a for.
  assert.deepEqual(lc(src.statementStart(at(11, 15))), [11, 15]);
});

test('loopKeyword finds for, while and the do of a do-while', () => {
  assert.deepEqual(lc(src.loopKeyword(at(11, 15))), [11, 3], 'from the for condition');
  assert.deepEqual(lc(src.loopKeyword(at(11, 7))), [11, 3], 'from the for parenthesis');
  assert.deepEqual(lc(src.loopKeyword(at(13, 11))), [13, 3], 'from the while of a do-while');
  assert.deepEqual(lc(src.loopKeyword(at(13, 18))), [13, 3], 'from its condition');
  assert.equal(src.loopKeyword(at(10, 7)), undefined, 'not in a loop header');
});

test('calls and callsOnLine find each call and the ) that closes it', () => {
  const calls = src.callsOnLine(14, 'g');
  assert.deepEqual(
    calls.map((c) => [lc(c.start), lc(c.rparen)]),
    [
      [
        [14, 10],
        [14, 13],
      ],
      [
        [14, 17],
        [14, 20],
      ],
    ],
  );
  // `g` as a definition name on line 3 is a "call" syntactically; in the comment it is not.
  assert.equal(src.calls('g').length, 4);
  assert.equal(src.calls('fake').length, 0);
  assert.equal(src.codeLine(4).includes('while'), false);
});

test('loopKeyword from the body of a loop', () => {
  const c = new CSource(
    'int main(void) {\n  int i = 9;\n  while (i > 0) {\n    i--;\n  }\n  if (i) { i++; }\n}\n',
  );
  const body = c.offsetOf(3, 17);
  assert.ok(body !== undefined);
  assert.equal(c.code[body], '{');
  assert.deepEqual(c.lineColOf(c.loopKeyword(body) ?? -1), { line: 3, column: 3 });
  const ifBody = c.offsetOf(6, 10);
  assert.ok(ifBody !== undefined);
  assert.equal(c.loopKeyword(ifBody), undefined, 'an if is not a loop');
});
