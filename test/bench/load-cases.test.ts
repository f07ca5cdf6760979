/**
 * The cases of `npm run bench:load` (bench/load-cases.ts): the article's
 * examples as the tour asks them and every corpus case, with the command
 * line and expected answer its header gives. No arc runs here.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { basename } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { collectCases, SUITES, type BenchCase } from '../../bench/load-cases.js';

const TEST_DIR = fileURLToPath(new URL('../../../test/', import.meta.url));
const cases = collectCases();

function byId(id: string): BenchCase {
  const c = cases.find((x) => x.id === id);
  assert.ok(c !== undefined, `no case ${id}`);
  return c;
}

/** The files of a corpus folder with one of the extensions. */
function files(folder: string, ...extensions: string[]): string[] {
  return readdirSync(`${TEST_DIR}${folder}`)
    .filter((f) => extensions.some((e) => f.endsWith(e)))
    .sort();
}

test('every suite is collected, each file once, in suite order', () => {
  const expected: [string, string[]][] = [
    ['corpus', files('corpus/cases', '.c')],
    ['loops', files('corpus/loops', '.c')],
    ['python', files('python-corpus/cases', '.py')],
    ['terminates', files('terminates/cases', '.c', '.py')],
  ];
  for (const [suite, names] of expected) {
    assert.ok(names.length > 0, `no files for ${suite}`);
    const got = cases.filter((c) => c.suite === suite).map((c) => basename(c.file));
    assert.deepEqual(got, names, `the ${suite} suite`);
  }
  assert.equal(new Set(cases.map((c) => c.id)).size, cases.length, 'ids are unique');
  const order = cases.map((c) => SUITES.indexOf(c.suite));
  assert.deepEqual(
    order,
    [...order].sort((a, b) => a - b),
    'suites in order',
  );
  for (const c of cases) {
    assert.ok(existsSync(c.file), `${c.id}: ${c.file} exists`);
    assert.equal(c.args[1], c.file, `${c.id}: the file follows the command`);
    assert.ok(!c.args.includes('--json') && !c.args.includes('--timeout'), `${c.id}: ${c.args}`);
  }
});

test("the article's examples: the tour's questions with the README's answers", () => {
  const article = cases.filter((c) => c.suite === 'article');
  assert.deepEqual(
    article.map((c) => [c.id, c.args[0], ...c.args.slice(2), c.expected]),
    [
      ['article/f.c', 'prove', '--function', 'f', '--returns-true', 'yes'],
      ['article/g.c', 'terminates', '--function', 'g', 'yes'],
      ['article/g.py', 'terminates', '--function', 'g', 'yes'],
      ['article/g2.c', 'terminates', '--function', 'g2', 'no'],
      ['article/h.c', 'terminates', '--function', 'h', 'unknown'],
    ],
  );
});

test('corpus cases: the command line and answer of their headers', () => {
  const c = byId('corpus/ilp32_long_add_overflow.c');
  assert.deepEqual(c.args.slice(2), ['--function', 'f', '--data-model', 'ILP32']);
  assert.equal(c.args[0], 'prove');
  assert.equal(c.expected, 'no');
  assert.equal(c.gap, false);

  // `# command: prove`, and the header's --timeout 15 left out (the default budget).
  const py = byId('python/while_sum_yes.py');
  assert.deepEqual(
    [py.args[0], ...py.args.slice(2)],
    ['prove', '--function', 'f', '--returns-true'],
  );
  assert.equal(py.expected, 'yes');

  const pyTerminates = byId('terminates/py_up_forever_no.py');
  assert.deepEqual(pyTerminates.args.slice(2), ['--function', 'f']);
  assert.equal(pyTerminates.args[0], 'terminates');
  assert.equal(pyTerminates.expected, 'no');

  const gap = byId('terminates/halve_toward_zero_yes.c');
  assert.equal(gap.expected, 'yes');
  assert.equal(gap.gap, true);

  // Every answer occurs in every corpus but the loops (no don't-know case there).
  for (const suite of ['corpus', 'python', 'terminates'] as const)
    for (const answer of ['yes', 'no', 'unknown'] as const)
      assert.ok(
        cases.some((x) => x.suite === suite && x.expected === answer),
        `no ${answer} case in ${suite}`,
      );
});
