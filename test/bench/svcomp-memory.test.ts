/**
 * SV-COMP's memory properties in `arc bench` / `npm run bench:svcomp`
 * (src/cli/bench/svcomp-tasks.ts): the command lines of valid-memsafety and
 * valid-memcleanup, SV-COMP's subproperty rule for false memsafety tasks, the
 * report, and the loader on ../shared/bench/svcomp-memory against its
 * tasks.tsv. No arc runs here.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Outcome } from '../../src/cli/bench/cli-process.js';
import { jsonReport, markdownReport } from '../../src/cli/bench/svcomp-report.js';
import {
  ARC_COMMAND_TEXT,
  arcArgs,
  DEFAULT_SV_PROPERTIES,
  loadSuite,
  memsafetySubproperty,
  propertyOf,
  scoreAnswer,
  scoreCheck,
  summarize,
  SV_PROPERTIES,
  type Check,
  type CheckResult,
  type SvProperty,
} from '../../src/cli/bench/svcomp-tasks.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const MEMORY_SUITE = join(REPO, '..', 'shared', 'bench', 'svcomp-memory');
const noSuite = existsSync(join(MEMORY_SUITE, 'tasks.tsv')) ? false : `no suite at ${MEMORY_SUITE}`;

function check(property: SvProperty, expected: boolean, subproperty?: string): Check {
  return {
    task: 't.yml',
    input: '/suite/t.i',
    inputName: 't.i',
    property,
    expected,
    ...(subproperty === undefined ? {} : { subproperty }),
    dataModel: 'ILP32',
  };
}

function outcome(answer: Outcome['answer'], kind?: string, wallMs = 1000): Outcome {
  return {
    answer,
    reason: answer === 'unknown' ? 'unsupported' : '',
    message: answer === 'unknown' ? 'unsupported: pointers' : '',
    explanation: '',
    wallMs,
    ...(kind === undefined
      ? {}
      : { violated: { kind, description: `a ${kind} property`, id: `main.${kind}.1` } }),
  };
}

test('the memory properties: names, command lines, opt-in', () => {
  assert.deepEqual(SV_PROPERTIES, [
    'unreach-call',
    'no-overflow',
    'termination',
    'valid-memsafety',
    'valid-memcleanup',
  ]);
  assert.deepEqual(DEFAULT_SV_PROPERTIES, ['unreach-call', 'no-overflow', 'termination']);
  assert.equal(propertyOf('../properties/valid-memsafety.prp'), 'valid-memsafety');
  assert.equal(propertyOf('../properties/valid-memcleanup.prp'), 'valid-memcleanup');
  assert.deepEqual(arcArgs(check('valid-memsafety', true), 7), [
    'prove',
    '/suite/t.i',
    '--property',
    'valid-deref',
    '--property',
    'valid-free',
    '--property',
    'valid-pointer-arith',
    '--property',
    'valid-call',
    '--property',
    'valid-memtrack',
    '--malloc-never-fails',
    '--data-model',
    'ILP32',
    '--timeout',
    '7',
    '--json',
  ]);
  assert.deepEqual(arcArgs({ ...check('valid-memcleanup', false), dataModel: 'LP64' }, 10), [
    'prove',
    '/suite/t.i',
    '--property',
    'valid-memcleanup',
    '--malloc-never-fails',
    '--data-model',
    'LP64',
    '--timeout',
    '10',
    '--json',
  ]);
  // The existing properties are asked as before.
  assert.deepEqual(arcArgs(check('unreach-call', true), 10).slice(2, 4), [
    '--property',
    'assertions',
  ]);
  assert.deepEqual(arcArgs(check('termination', true), 10).slice(0, 4), [
    'terminates',
    '/suite/t.i',
    '--semantics',
    'c',
  ]);
  assert.equal(
    ARC_COMMAND_TEXT['valid-memsafety'],
    'arc prove FILE --property valid-deref --property valid-free --property valid-pointer-arith --property valid-call --property valid-memtrack --malloc-never-fails',
  );
  assert.equal(
    ARC_COMMAND_TEXT['valid-memcleanup'],
    'arc prove FILE --property valid-memcleanup --malloc-never-fails',
  );
});

test('memsafety subproperties of the property kinds arc reports', () => {
  const table: [string, string | undefined][] = [
    ['valid-deref', 'valid-deref'],
    ['valid-pointer-arith', 'valid-deref'],
    ['valid-call', 'valid-deref'],
    ['valid-free', 'valid-free'],
    ['valid-memtrack', 'valid-memtrack'],
    ['valid-pointer-compare', undefined],
    ['library', undefined],
    ['valid-memcleanup', undefined],
    ['assertion', undefined],
    ['overflow', undefined],
  ];
  for (const [kind, sub] of table) assert.equal(memsafetySubproperty(kind), sub, kind);
});

test('SV-COMP scoring of a false memsafety task with a subproperty: the violated kind must match', () => {
  const cases: [string, string | undefined, 'correct' | 'wrong', number][] = [
    // subproperty, arc's violated kind, judgement, score
    ['valid-deref', 'valid-deref', 'correct', 1],
    ['valid-deref', 'valid-pointer-arith', 'correct', 1],
    ['valid-deref', 'valid-call', 'correct', 1],
    ['valid-deref', 'valid-free', 'wrong', -16],
    ['valid-deref', 'valid-memtrack', 'wrong', -16],
    ['valid-deref', 'library', 'wrong', -16],
    ['valid-deref', 'valid-pointer-compare', 'wrong', -16],
    ['valid-free', 'valid-free', 'correct', 1],
    ['valid-free', 'valid-deref', 'wrong', -16],
    ['valid-memtrack', 'valid-memtrack', 'correct', 1],
    ['valid-memtrack', 'valid-deref', 'wrong', -16],
    ['valid-memtrack', 'valid-free', 'wrong', -16],
    // A no that names no violated property cannot show the subproperty.
    ['valid-free', undefined, 'wrong', -16],
  ];
  for (const [sub, kind, judgement, score] of cases) {
    assert.deepEqual(
      scoreCheck(check('valid-memsafety', false, sub), outcome('no', kind)),
      { judgement, score },
      `${sub} / ${kind ?? 'none'}`,
    );
  }
  // Without a subproperty, or for other answers and properties: scoreAnswer.
  assert.deepEqual(scoreCheck(check('valid-memsafety', false), outcome('no', 'library')), {
    judgement: 'correct',
    score: 1,
  });
  assert.deepEqual(
    scoreCheck(check('valid-memsafety', false, 'valid-free'), outcome('yes')),
    scoreAnswer(false, 'yes'),
  );
  assert.deepEqual(
    scoreCheck(check('valid-memsafety', false, 'valid-free'), outcome('unknown')),
    scoreAnswer(false, 'unknown'),
  );
  assert.deepEqual(
    scoreCheck(check('valid-memsafety', true), outcome('no', 'valid-deref')),
    scoreAnswer(true, 'no'),
  );
  assert.deepEqual(
    scoreCheck(check('valid-memcleanup', false), outcome('no', 'valid-memcleanup')),
    { judgement: 'correct', score: 1 },
  );
  // The existing properties: scored as before, whatever the subproperty.
  for (const property of DEFAULT_SV_PROPERTIES) {
    for (const expected of [true, false]) {
      for (const answer of ['yes', 'no', 'unknown', 'error'] as const) {
        assert.deepEqual(
          scoreCheck(check(property, expected, 'some-sub'), outcome(answer, 'assertion')),
          scoreAnswer(expected, answer),
        );
      }
    }
  }
});

function result(c: Check, o: Outcome): CheckResult {
  return { check: c, outcome: o, ...scoreCheck(c, o) };
}

test('summary and report of memsafety results: a false with the wrong subproperty is a wrong false', () => {
  const results = [
    result(check('valid-memsafety', true), outcome('yes', undefined, 100)),
    result(check('valid-memsafety', true), outcome('no', 'valid-deref', 200)),
    result(check('valid-memsafety', false, 'valid-free'), outcome('no', 'valid-free', 300)),
    result(check('valid-memsafety', false, 'valid-deref'), outcome('no', 'valid-free', 400)),
    result(check('valid-memsafety', false, 'valid-memtrack'), outcome('yes', undefined, 500)),
    result(check('valid-memsafety', false, 'valid-deref'), outcome('unknown', undefined, 600)),
    result(check('valid-memcleanup', false), outcome('no', 'valid-memcleanup', 700)),
  ];
  const s = summarize('valid-memsafety', results);
  assert.deepEqual(
    [
      s.checks,
      s.expectedTrue,
      s.expectedFalse,
      s.correctTrue,
      s.correctFalse,
      s.wrongTrue,
      s.wrongFalse,
      s.wrongSubproperty,
      s.unknown,
    ],
    [6, 2, 4, 1, 1, 1, 2, 1, 1],
  );
  assert.equal(s.score, 2 + 1 - 32 - 16 - 16);
  assert.equal(s.maxScore, 2 * 2 + 4 * 1);
  const run = {
    suite: '/suite',
    properties: ['valid-memsafety', 'valid-memcleanup'] as SvProperty[],
    timeoutS: 10,
    jobs: 1,
    taskFiles: 7,
    results,
    skipped: [],
  };
  const md = markdownReport(run);
  assert.equal(markdownReport(run), md);
  assert.match(md, /### valid-memsafety \(6 tasks: 2 true, 4 false\)/);
  assert.match(md, /\| correct \| 1 \| 1 \| 2 \|/);
  assert.match(md, /\| wrong \| 1 \| 2 \| 3 \|/);
  assert.match(md, /\| unknown \| 0 \| 1 \| 1 \|/);
  assert.match(md, /wrong false 2 \(1 with the wrong subproperty\), unknown 1\. Score -61/);
  assert.match(md, /a false is correct only if the/);
  assert.match(
    md,
    /- t\.i \(ILP32\) valid-memsafety: expected false\(valid-deref\), arc false\(valid-free\) \(main\.valid-free\.1\) \(score -16\)/,
  );
  assert.match(md, /\| false\(valid-free\) \| false\(valid-free\) \| correct \| 1 \|/);
  assert.match(md, /### valid-memcleanup \(1 task: 0 true, 1 false\)/);
  const json = jsonReport(run) as { results: { violated?: { kind: string; id?: string } }[] };
  assert.deepEqual(json.results[3].violated, { kind: 'valid-free', id: 'main.valid-free.1' });
});

test('a memory property that is not selected is listed as skipped; the defaults are not', () => {
  const dir = mkdtempSync(join(tmpdir(), 'arc-svcomp-memory-'));
  const write = (path: string, text: string): void => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  write('p.c', 'int main(void) { return 0; }\n');
  write(
    't.yml',
    [
      "format_version: '2.0'",
      "input_files: 'p.c'",
      'properties:',
      '  - property_file: properties/unreach-call.prp',
      '    expected_verdict: true',
      '  - property_file: properties/valid-memsafety.prp',
      '    expected_verdict: false',
      '    subproperty: valid-free',
      '  - property_file: properties/valid-memcleanup.prp',
      '    expected_verdict: true',
      '  - property_file: properties/termination.prp',
      '    expected_verdict: true',
      'options: { language: C, data_model: LP64 }',
      '',
    ].join('\n'),
  );
  const defaults = loadSuite(dir, new Set(DEFAULT_SV_PROPERTIES));
  assert.deepEqual(
    defaults.checks.map((c) => c.property),
    ['unreach-call', 'termination'],
  );
  assert.deepEqual(
    defaults.skipped.map((s) => [s.property, s.reason]),
    [
      ['valid-memsafety', 'not selected'],
      ['valid-memcleanup', 'not selected'],
    ],
  );
  const memory = loadSuite(dir, new Set<SvProperty>(['valid-memsafety', 'valid-memcleanup']));
  assert.deepEqual(
    memory.checks.map((c) => [c.property, c.expected, c.subproperty, c.dataModel]),
    [
      ['valid-memsafety', false, 'valid-free', 'LP64'],
      ['valid-memcleanup', true, undefined, 'LP64'],
    ],
  );
  assert.deepEqual(memory.skipped, [], 'unselected default properties are left out silently');
});

test('svcomp-memory: the loader finds exactly the checks of tasks.tsv', { skip: noSuite }, () => {
  const rows = readFileSync(join(MEMORY_SUITE, 'tasks.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((l) => l.split('\t'));
  const expected = rows
    .map(([task, input, property, verdict, sub, model]) =>
      [task, input, property, verdict, sub, model].join(' '),
    )
    .sort();
  const line = (c: Check): string =>
    [c.task, c.inputName, c.property, String(c.expected), c.subproperty ?? '', c.dataModel].join(
      ' ',
    );

  const suite = loadSuite(MEMORY_SUITE, new Set(SV_PROPERTIES));
  assert.deepEqual(suite.errors, []);
  assert.equal(suite.taskFiles.length, 73);
  assert.deepEqual(suite.checks.map(line).sort(), expected);
  assert.equal(suite.checks.length, 85 + 18);

  // The command of the README: 85 memory-suite checks, the termination rows left out.
  const memory = loadSuite(
    MEMORY_SUITE,
    new Set<SvProperty>(['unreach-call', 'valid-memsafety', 'valid-memcleanup']),
  );
  assert.equal(memory.checks.length, 85);
  assert.equal(memory.checks.filter((c) => c.expected).length, 47);
  assert.equal(memory.checks.filter((c) => !c.expected).length, 38);
  assert.ok(!memory.checks.some((c) => c.property === 'termination'));
  const count = (p: string): number => memory.checks.filter((c) => c.property === p).length;
  assert.deepEqual(
    [count('unreach-call'), count('valid-memsafety'), count('valid-memcleanup')],
    [50, 30, 5],
  );
  const subs = new Map<string, number>();
  for (const c of memory.checks.filter((c) => c.property === 'valid-memsafety' && !c.expected)) {
    subs.set(c.subproperty ?? '', (subs.get(c.subproperty ?? '') ?? 0) + 1);
  }
  assert.deepEqual(Object.fromEntries(subs), {
    'valid-deref': 6,
    'valid-memtrack': 5,
    'valid-free': 1,
  });
  assert.ok(memory.checks.every((c) => c.dataModel === 'ILP32'));
});
