/**
 * `arc bench`: reading SV-COMP task definitions, SV-COMP's scoring, and the
 * command on a tiny suite of C tasks written for this test.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import type { Outcome } from '../../src/cli/bench/cli-process.js';
import {
  findTaskFiles,
  scoreAnswer,
  parseTaskDefinition,
  propertyOf,
  readTaskDefinition,
  summarize,
  TaskDefinitionError,
  type Check,
  type CheckResult,
} from '../../src/cli/bench/svcomp-tasks.js';
import { runCli } from './run-cli.js';

const root = mkdtempSync(join(tmpdir(), 'arc-bench-'));
function file(path: string, content: string): string {
  const full = join(root, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, content);
  return full;
}

function assertNoStackTrace(text: string): void {
  assert.doesNotMatch(text, /\n\s+at .*:\d+:\d+/, 'printed a stack trace');
  assert.doesNotMatch(text, /internal error/);
}

/** The TaskDefinitionError that parsing `text` throws. */
function parseError(text: string, name = 'task.yml'): TaskDefinitionError {
  try {
    parseTaskDefinition(text, join(root, 'defs', name));
  } catch (e: unknown) {
    assert.ok(e instanceof TaskDefinitionError, `not a TaskDefinitionError: ${String(e)}`);
    return e;
  }
  assert.fail('the task definition was accepted');
}

test('input_files as a string or a list, relative to the .yml', () => {
  const yml = join(root, 'defs', 'sub', 'a.yml');
  const one = parseTaskDefinition(
    [
      "format_version: '2.0'",
      "input_files: 'prog.c'",
      'properties:',
      '  - property_file: ../properties/unreach-call.prp',
      '    expected_verdict: false',
      '    subproperty: some-sub',
      '  - property_file: ../properties/coverage-branches.prp',
      'options:',
      '  language: C',
      '  data_model: LP64',
    ].join('\n'),
    yml,
  );
  assert.deepEqual(one.inputFiles, [join(root, 'defs', 'sub', 'prog.c')]);
  assert.equal(one.formatVersion, '2.0');
  assert.equal(one.dataModel, 'LP64');
  assert.equal(one.language, 'C');
  assert.deepEqual(one.properties, [
    {
      propertyFile: '../properties/unreach-call.prp',
      expectedVerdict: false,
      subproperty: 'some-sub',
    },
    { propertyFile: '../properties/coverage-branches.prp' },
  ]);
  const list = parseTaskDefinition(
    [
      'format_version: 2.0', // unquoted: read as written
      'input_files:',
      '  - ../x.c',
      '  - y/z.c',
      'properties:',
      '  - property_file: ../properties/termination.prp',
      '    expected_verdict: true',
      'options: { language: C, data_model: ILP32 }',
    ].join('\n'),
    yml,
  );
  assert.equal(list.formatVersion, '2.0');
  assert.deepEqual(list.inputFiles, [
    join(root, 'defs', 'x.c'),
    join(root, 'defs', 'sub', 'y', 'z.c'),
  ]);
  assert.equal(list.dataModel, 'ILP32');
  // Format 1.0 has no options: ILP32.
  const old = parseTaskDefinition(
    [
      "format_version: '1.0'",
      'input_files: p.i',
      'properties:',
      '  - property_file: ../properties/no-overflow.prp',
      '    expected_verdict: true',
    ].join('\n'),
    yml,
  );
  assert.equal(old.dataModel, 'ILP32');
});

test('a malformed task definition names the file, the key and the line', () => {
  const valid = [
    "format_version: '2.0'",
    "input_files: 'p.c'",
    'properties:',
    '  - property_file: ../properties/unreach-call.prp',
    '    expected_verdict: true',
    'options:',
    '  language: C',
    '  data_model: ILP32',
  ];
  const without = (n: number): string => valid.filter((_, i) => i !== n).join('\n');

  const noInputs = parseError(without(1));
  assert.equal(noInputs.key, 'input_files');
  assert.equal(noInputs.message, 'missing');
  assert.match(
    noInputs.render(),
    /defs\/task\.yml:\d+:\d+: error: input_files: missing \[bad-task-definition\]/,
  );

  const noVersion = parseError(without(0));
  assert.equal(noVersion.key, 'format_version');

  const noProps = parseError(valid.slice(0, 2).concat(valid.slice(5)).join('\n'));
  assert.equal(noProps.key, 'properties');

  const noModel = parseError(without(7));
  assert.equal(noModel.key, 'options.data_model');
  assert.equal(noModel.line, 6, 'points at options');

  const badModel = parseError(valid.join('\n').replace('ILP32', 'LP32'));
  assert.equal(badModel.key, 'options.data_model');
  assert.equal(badModel.line, 8);
  assert.equal(badModel.col, 3);
  assert.match(badModel.message, /must be ILP32 or LP64, got "LP32"/);

  const badVerdict = parseError(
    valid.join('\n').replace('expected_verdict: true', "expected_verdict: 'yes'"),
  );
  assert.equal(badVerdict.key, 'properties[0].expected_verdict');
  assert.equal(badVerdict.line, 5);

  const noPropertyFile = parseError(
    valid.join('\n').replace('- property_file: ../properties/unreach-call.prp\n   ', '-'),
  );
  assert.equal(noPropertyFile.key, 'properties[0].property_file');

  const badInputs = parseError(
    valid.join('\n').replace("input_files: 'p.c'", 'input_files: [1, 2]'),
  );
  assert.equal(badInputs.key, 'input_files[0]');

  const noOptions = parseError(valid.slice(0, 5).join('\n'));
  assert.equal(noOptions.key, 'options');

  const notYaml = parseError('format_version: "2.0\ninput_files: [a.c\n');
  assert.equal(notYaml.key, '');
  assert.match(notYaml.render(), /task\.yml:\d+:\d+: error: not valid YAML/);

  const notMapping = parseError('- a\n- b\n');
  assert.match(notMapping.message, /must be a mapping/);

  // An input file that does not exist.
  const yml = file('defs/missing-input.yml', valid.join('\n'));
  assert.throws(
    () => readTaskDefinition(yml),
    (e: unknown) =>
      e instanceof TaskDefinitionError &&
      e.key === 'input_files' &&
      e.line === 2 &&
      /no such file: p\.c/.test(e.message),
  );
});

test('property files map to the checks by name; task files are found recursively', () => {
  assert.equal(propertyOf('../properties/unreach-call.prp'), 'unreach-call');
  assert.equal(propertyOf('no-overflow.prp'), 'no-overflow');
  assert.equal(propertyOf('/x/termination.prp'), 'termination');
  assert.equal(propertyOf('../properties/valid-memsafety.prp'), 'valid-memsafety');
  assert.equal(propertyOf('valid-memcleanup.prp'), 'valid-memcleanup');
  assert.equal(propertyOf('../properties/coverage-branches.prp'), undefined);
  const d = mkdtempSync(join(tmpdir(), 'arc-bench-find-'));
  for (const p of ['b.yml', 'a/c.yml', 'a/deep/d.yml', '.hidden/e.yml', 'a/f.yaml', 'a/g.c']) {
    mkdirSync(dirname(join(d, p)), { recursive: true });
    writeFileSync(join(d, p), '');
  }
  assert.deepEqual(
    findTaskFiles(d).map((f) => f.slice(d.length + 1)),
    ['a/c.yml', 'a/deep/d.yml', 'b.yml'],
  );
});

test('SV-COMP scoring: +2 correct true, +1 correct false, -32 wrong true, -16 wrong false, 0 unknown', () => {
  assert.deepEqual(scoreAnswer(true, 'yes'), { judgement: 'correct', score: 2 });
  assert.deepEqual(scoreAnswer(false, 'no'), { judgement: 'correct', score: 1 });
  assert.deepEqual(scoreAnswer(false, 'yes'), { judgement: 'wrong', score: -32 });
  assert.deepEqual(scoreAnswer(true, 'no'), { judgement: 'wrong', score: -16 });
  assert.deepEqual(scoreAnswer(true, 'unknown'), { judgement: 'unknown', score: 0 });
  assert.deepEqual(scoreAnswer(false, 'error'), { judgement: 'unknown', score: 0 });

  const result = (
    expected: boolean,
    answer: Outcome['answer'],
    wallMs: number,
    reason = '',
  ): CheckResult => {
    const check: Check = {
      task: 't.yml',
      input: '/t.c',
      inputName: 't.c',
      property: 'unreach-call',
      expected,
      dataModel: 'ILP32',
    };
    const outcome: Outcome = { answer, reason, message: '', explanation: '', wallMs };
    return { check, outcome, ...scoreAnswer(expected, answer) };
  };
  const results = [
    result(true, 'yes', 100),
    result(true, 'yes', 200),
    result(false, 'no', 300),
    result(false, 'yes', 400),
    result(true, 'no', 500),
    result(true, 'unknown', 600, 'timeout'),
    result(false, 'unknown', 700, 'timeout'),
    result(true, 'error', 800, 'exit 4'),
    result(true, 'unknown', 900, 'recursion'),
    result(false, 'no', 1000),
  ];
  const s = summarize('unreach-call', results);
  assert.equal(s.checks, 10);
  assert.equal(s.expectedTrue, 6);
  assert.equal(s.expectedFalse, 4);
  assert.equal(s.correctTrue, 2);
  assert.equal(s.correctFalse, 2);
  assert.equal(s.wrongTrue, 1);
  assert.equal(s.wrongFalse, 1);
  assert.equal(s.unknown, 4);
  assert.equal(s.score, 2 + 2 + 1 + 1 - 32 - 16);
  assert.equal(s.maxScore, 6 * 2 + 4 * 1);
  assert.equal(s.medianMs, 550);
  assert.equal(s.p90Ms, 900);
  assert.deepEqual(s.unknownReasons, [
    ['timeout', 2],
    ['exit 4', 1],
    ['recursion', 1],
  ]);
  assert.equal(summarize('termination', results).checks, 0);
});

// The suite: C programs written for this test, with their task definitions.
const PRP = {
  'unreach-call': 'CHECK( init(main()), LTL(G ! call(reach_error())) )\n',
  'no-overflow': 'CHECK( init(main()), LTL(G ! overflow) )\n',
  termination: 'CHECK( init(main()), LTL(F end) )\n',
  'valid-memsafety': 'CHECK( init(main()), LTL(G valid-free) )\n',
};
for (const [name, text] of Object.entries(PRP)) file(`suite/properties/${name}.prp`, text);

file(
  'suite/good/safe.c',
  [
    'extern int __VERIFIER_nondet_int(void);',
    'void reach_error(void) {}',
    'int main(void) {',
    '  int v = __VERIFIER_nondet_int();',
    '  if (v > 5 && v < 3) reach_error();',
    '  return 0;',
    '}',
    '',
  ].join('\n'),
);
file(
  'suite/good/safe.yml',
  [
    "format_version: '1.0'",
    "input_files: 'safe.c'",
    'properties:',
    '  - property_file: ../properties/unreach-call.prp',
    '    expected_verdict: true',
    '  - property_file: ../properties/termination.prp',
    '    expected_verdict: true',
    '  - property_file: ../properties/valid-memsafety.prp',
    '    expected_verdict: true',
    '',
  ].join('\n'),
);
file(
  'suite/good/bug.c',
  [
    'extern unsigned char __VERIFIER_nondet_uchar(void);',
    'void reach_error(void) {}',
    'int main(void) {',
    '  unsigned char c = __VERIFIER_nondet_uchar();',
    '  if (c == 200) reach_error();',
    '  return 0;',
    '}',
    '',
  ].join('\n'),
);
file(
  'suite/good/bug.yml',
  [
    "format_version: '2.0'",
    'input_files:',
    '  - bug.c',
    'properties:',
    '  - property_file: ../properties/unreach-call.prp',
    '    expected_verdict: false',
    '  - property_file: ../properties/no-overflow.prp',
    '    expected_verdict: true',
    '  - property_file: ../properties/coverage-error-call.prp',
    'options:',
    '  language: C',
    '  data_model: LP64',
    '',
  ].join('\n'),
);
file(
  'suite/good/nested/undef.c',
  [
    'extern int f(void);',
    'void reach_error(void) {}',
    'int main(void) {',
    '  if (f() == 3) reach_error();',
    '  return 0;',
    '}',
    '',
  ].join('\n'),
);
file(
  'suite/good/nested/undef.yml',
  [
    "format_version: '2.0'",
    "input_files: 'undef.c'",
    'properties:',
    '  - property_file: ../../properties/unreach-call.prp',
    '    expected_verdict: false',
    '  - property_file: ../../properties/no-overflow.prp',
    'options:',
    '  language: C',
    '  data_model: ILP32',
    '',
  ].join('\n'),
);
// Wrong labels, so that arc's (right) answers score as wrong ones.
file(
  'suite/wrong/mislabeled-bug.yml',
  [
    "format_version: '2.0'",
    "input_files: '../good/bug.c'",
    'properties:',
    '  - property_file: ../properties/unreach-call.prp',
    '    expected_verdict: true',
    'options: { language: C, data_model: ILP32 }',
    '',
  ].join('\n'),
);
file(
  'suite/wrong/mislabeled-safe.yml',
  [
    "format_version: '2.0'",
    "input_files: '../good/safe.c'",
    'properties:',
    '  - property_file: ../properties/unreach-call.prp',
    '    expected_verdict: false',
    'options: { language: C, data_model: ILP32 }',
    '',
  ].join('\n'),
);

// A termination task whose loop overflows a signed int: SV-COMP labels it true
// (its tasks presume defined behaviour); arc terminates answers no (a run
// reaches undefined behaviour), which is no verdict on SV-COMP's question.
file(
  'suite/ub/overflow-loop.c',
  [
    'extern int __VERIFIER_nondet_int(void);',
    'int main(void) {',
    '  int x = __VERIFIER_nondet_int();',
    '  int y = 2147483000;',
    '  while (x > 0) {',
    '    y = y + 1;',
    '    x = x - 1;',
    '  }',
    '  return 0;',
    '}',
    '',
  ].join('\n'),
);
file(
  'suite/ub/overflow-loop.yml',
  [
    "format_version: '2.0'",
    "input_files: 'overflow-loop.c'",
    'properties:',
    '  - property_file: ../properties/termination.prp',
    '    expected_verdict: true',
    'options: { language: C, data_model: ILP32 }',
    '',
  ].join('\n'),
);

interface JsonReport {
  score: number;
  maxScore: number;
  wrong: number;
  taskDefinitions: number;
  properties: {
    property: string;
    checks: number;
    correctTrue: number;
    correctFalse: number;
    wrongTrue: number;
    wrongFalse: number;
    unknown: number;
    score: number;
    maxScore: number;
    medianMs: number;
    p90Ms: number;
    unknownReasons: Record<string, number>;
  }[];
  results: {
    task: string;
    input: string;
    property: string;
    dataModel: string;
    expected: boolean;
    verdict: string;
    judgement: string;
    score: number;
    reason: string | null;
    wallMs: number;
  }[];
  skipped: { task: string; property: string; reason: string }[];
}

test('arc bench on a tiny suite with right labels: scores, reasons, skipped properties, exit 0', () => {
  const r = runCli([
    'bench',
    join(root, 'suite', 'good'),
    '--json',
    '--timeout',
    '5',
    '--jobs',
    '2',
  ]);
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout) as JsonReport;
  assert.equal(report.taskDefinitions, 3);
  assert.equal(report.wrong, 0);
  const row = (task: string, property: string): JsonReport['results'][number] | undefined =>
    report.results.find((x) => x.task === task && x.property === property);
  assert.deepEqual(
    report.results.map((x) => [x.task, x.property, x.verdict, x.judgement, x.score]),
    [
      ['bug.yml', 'unreach-call', 'false', 'correct', 1],
      ['bug.yml', 'no-overflow', 'true', 'correct', 2],
      ['nested/undef.yml', 'unreach-call', 'unknown', 'unknown', 0],
      ['safe.yml', 'unreach-call', 'true', 'correct', 2],
      ['safe.yml', 'termination', 'true', 'correct', 2],
    ],
  );
  assert.equal(row('bug.yml', 'unreach-call')?.dataModel, 'LP64');
  assert.equal(row('safe.yml', 'unreach-call')?.dataModel, 'ILP32', 'format 1.0 means ILP32');
  assert.equal(row('nested/undef.yml', 'unreach-call')?.input, 'nested/undef.c');
  assert.equal(row('nested/undef.yml', 'unreach-call')?.reason, 'undefined-function');
  const reach = report.properties.find((p) => p.property === 'unreach-call');
  assert.deepEqual(
    reach && [
      reach.checks,
      reach.correctTrue,
      reach.correctFalse,
      reach.wrongTrue,
      reach.wrongFalse,
      reach.unknown,
    ],
    [3, 1, 1, 0, 0, 1],
  );
  assert.equal(reach?.score, 3);
  assert.equal(reach?.maxScore, 4);
  assert.deepEqual(reach?.unknownReasons, { 'undefined-function': 1 });
  assert.ok((reach?.medianMs ?? 0) > 0 && (reach?.p90Ms ?? 0) >= (reach?.medianMs ?? 0));
  assert.equal(report.score, 3 + 2 + 2);
  assert.equal(report.maxScore, 4 + 2 + 2);
  assert.deepEqual(
    report.skipped.map((s) => [s.task, s.property, s.reason]),
    [
      ['bug.yml', 'coverage-error-call', 'not a property arc checks'],
      ['nested/undef.yml', 'no-overflow', 'no expected_verdict'],
      // The memory properties are opt-in: a run without them says it left them out.
      ['safe.yml', 'valid-memsafety', 'not selected'],
    ],
  );
});

test('arc bench --property valid-memsafety: the memory property is checked when selected', () => {
  const r = runCli([
    'bench',
    join(root, 'suite', 'good'),
    '--property',
    'valid-memsafety',
    '--json',
    '--timeout',
    '5',
  ]);
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout) as JsonReport;
  assert.deepEqual(
    report.results.map((x) => [x.task, x.property, x.expected, x.dataModel]),
    [['safe.yml', 'valid-memsafety', true, 'ILP32']],
  );
  assert.notEqual(report.results[0].judgement, 'wrong');
  assert.deepEqual(
    report.properties.map((p) => p.property),
    ['valid-memsafety'],
  );
  assert.ok(!report.skipped.some((s) => s.property === 'valid-memsafety'));
});

test('arc bench: a termination no that rests on undefined behaviour is unknown in SV-COMP terms', () => {
  const r = runCli(['bench', join(root, 'suite', 'ub'), '--json', '--timeout', '5']);
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout) as JsonReport;
  assert.deepEqual(
    report.results.map((x) => [x.task, x.property, x.verdict, x.judgement, x.score, x.reason]),
    [['overflow-loop.yml', 'termination', 'unknown', 'unknown', 0, 'undefined-behaviour']],
  );
  assert.equal(report.wrong, 0);
  // What arc itself answers: no, with the overflow as the violated check.
  const direct = runCli(['terminates', join(root, 'suite', 'ub', 'overflow-loop.c'), '--json']);
  assert.equal(direct.code, 1, direct.stderr);
  const verdict = JSON.parse(direct.stdout) as { witness: { property: { kind: string } } };
  assert.equal(verdict.witness.property.kind, 'overflow');
});

test('arc bench with wrong answers: the Markdown report and exit 1', () => {
  const out = join(root, 'report.md');
  const r = runCli([
    'bench',
    join(root, 'suite'),
    '--property',
    'unreach-call',
    '--timeout',
    '5',
    '--jobs',
    '2',
    '--out',
    out,
  ]);
  assert.equal(r.code, 1, r.stderr);
  const md = readFileSync(out, 'utf8');
  assert.equal(md.trim(), r.stdout.trim(), '--out writes the report that is printed');
  assert.match(md, /### Wrong answers \(2\)/);
  assert.match(
    md,
    /good\/bug\.c \(ILP32; task wrong\/mislabeled-bug\.yml\) unreach-call: expected true, arc false \(score -16\)/,
  );
  assert.match(
    md,
    /good\/safe\.c \(ILP32; task wrong\/mislabeled-safe\.yml\) unreach-call: expected false, arc true \(score -32\)/,
  );
  // In the task table, a task named after its input is shown by the input alone.
  assert.match(md, /\| good\/bug\.c \(LP64\) \| false \| false \| correct \| 1 \|/);
  assert.match(md, /### unreach-call \(5 tasks: 2 true, 3 false\)/);
  assert.match(md, /\| correct \| 1 \| 1 \| 2 \|/);
  assert.match(md, /\| wrong \| 1 \| 1 \| 2 \|/);
  assert.match(md, /\| unknown \| 0 \| 1 \| 1 \|/);
  assert.match(
    md,
    /Correct true 1, correct false 1, wrong true 1, wrong false 1, unknown 1\. Score -45 \(of 7 possible\)/,
  );
  assert.match(md, /90th percentile/);
  assert.match(md, /Unknowns by reason: undefined-function 1\./);
  assert.match(
    md,
    /\| good\/nested\/undef\.c \(ILP32\) \| false \| unknown \| unknown \| 0 \| undefined-function/,
  );
  assert.doesNotMatch(md, /### termination/);
});

test('arc bench on bad input: exit 2, a diagnostic naming the file and key, nothing run', () => {
  const missing = runCli(['bench', join(root, 'no-such-dir')]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /no such directory/);
  assertNoStackTrace(missing.stderr);

  const empty = mkdtempSync(join(tmpdir(), 'arc-bench-empty-'));
  const none = runCli(['bench', empty]);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /no \.yml task definitions/);

  const bad = file(
    'broken/bad.yml',
    [
      "format_version: '2.0'",
      "input_files: 'p.c'",
      'properties:',
      '  - property_file: ../properties/unreach-call.prp',
      '    expected_verdict: true',
      'options:',
      '  language: C',
      '  data_model: 64',
      '',
    ].join('\n'),
  );
  file('broken/p.c', 'int main(void) { return 0; }\n');
  const r = runCli(['bench', dirname(bad)]);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.match(
    r.stderr,
    /broken\/bad\.yml:8:3: error: options\.data_model: must be ILP32 or LP64, got 64 \[bad-task-definition\]/,
  );
  assertNoStackTrace(r.stderr);

  const badProperty = runCli(['bench', join(root, 'suite'), '--property', 'valid-memory']);
  assert.equal(badProperty.code, 2);
  assert.match(badProperty.stderr, /unknown --property valid-memory/);
  assert.match(
    badProperty.stderr,
    /valid-memsafety, valid-memcleanup/,
    'lists the memory properties',
  );
});
