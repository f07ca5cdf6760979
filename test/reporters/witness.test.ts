/**
 * SV-COMP witnesses (YAML format 2.0) from hand-made verdicts, read back with
 * the YAML parser, and from a real `arc prove --witness` run.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import type { SourceSpan } from '../../src/core/diagnostic.js';
import { buildWitness, cLiteral, type WitnessTask } from '../../src/reporters/witness.js';
import type {
  CertificateQuery,
  NoVerdict,
  UnknownVerdict,
  YesVerdict,
} from '../../src/verdict/verdict.js';
import { runCli } from '../cli/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'arc-witness-'));

function span(file: string, line: number, col: number, endCol = col + 1): SourceSpan {
  return { file, startLine: line, startCol: col, endLine: line, endCol };
}

const base = {
  domain: 'code' as const,
  command: 'prove' as const,
  question: 'Does main pass every assertion?',
  explanation: '',
  elapsedMs: 1,
  solverMs: 1,
  properties: [],
  diagnostics: [],
  notes: [],
};

const query: CertificateQuery = { meaning: 'm', solverMs: 1, smtlib: '(check-sat)' };

// Lines:            1         2         3
//          123456789012345678901234567890
const LOOPS = [
  'extern unsigned int __VERIFIER_nondet_uint(void);',
  'void reach_error(void) {}',
  'int main(void) {',
  '  unsigned int n = __VERIFIER_nondet_uint();',
  '  unsigned int i = 0, s = 0;',
  '  while (i < n) { /* ( */',
  '    s += 2;',
  '    i++;',
  '  }',
  '  for (int k = 0; k < 10; k++) { s++; }',
  '  do {',
  '    s--;',
  '  } while (s > 100);',
  '  if (s % 2 != 0) reach_error();',
  '  return 0;',
  '}',
  '',
].join('\n');

function task(file: string, source: string, overrides: Partial<WitnessTask> = {}): WitnessTask {
  return {
    inputFile: file,
    language: 'c',
    source,
    entryFunction: 'main',
    dataModel: 'ILP32',
    checkedKinds: ['assertion', 'error-call'],
    ...overrides,
  };
}

interface Loc {
  file_name: string;
  line: number;
  column?: number;
  function?: string;
}
interface Entry {
  entry_type: string;
  metadata: {
    format_version: string;
    uuid: string;
    creation_time: string;
    producer: { name: string; version: string };
    task: {
      input_files: string[];
      input_file_hashes: Record<string, string>;
      specification: string;
      data_model: string;
      language: string;
    };
  };
  content: {
    invariant?: { type: string; location: Loc; value: string; format: string };
    segment?: {
      waypoint: {
        type: string;
        action: string;
        location: Loc;
        constraint?: { value: string; format: string };
      };
    }[];
  }[];
}

function readBack(yaml: string): Entry {
  const doc: unknown = parse(yaml);
  assert.ok(Array.isArray(doc), 'a witness file is a list of entries');
  assert.equal(doc.length, 1);
  return doc[0] as Entry;
}

test('a yes with loop invariants: an invariant_set with one loop_invariant per loop, at the loop keyword', () => {
  const file = 'loops.c';
  const verdict: YesVerdict = {
    ...base,
    answer: 'yes',
    certificate: {
      kind: 'invariant',
      engine: 'chc',
      summary: 's',
      k: 1,
      // Loop heads as the engines report them: the while's condition, the for's
      // condition, the do-while's `while`.
      invariants: [
        { loop: span(file, 6, 9), function: 'main', invariant: 's == 2 * i && i <= n' },
        { loop: span(file, 10, 19), function: 'main', invariant: '0 <= k && k <= 10' },
        { loop: span(file, 13, 5), function: 'main', invariant: 's % 2 == 0' },
      ],
      queries: [query],
      recheck: 'r',
    },
  };
  const now = new Date('2026-01-02T03:04:05.000Z');
  const w = buildWitness(verdict, task(file, LOOPS), {
    producer: { name: 'arc', version: '9.9.9' },
    now,
    uuid: '00000000-0000-4000-8000-000000000001',
  });
  assert.ok(w.ok);
  const entry = readBack(w.yaml);
  assert.equal(entry.entry_type, 'invariant_set');
  const m = entry.metadata;
  assert.equal(m.format_version, '2.0');
  assert.equal(m.uuid, '00000000-0000-4000-8000-000000000001');
  // Quoted in the file, so that YAML 1.1 readers also see a string.
  assert.equal(m.creation_time, '2026-01-02T03:04:05.000Z');
  assert.match(w.yaml, /creation_time: "2026-01-02T03:04:05.000Z"/);
  assert.deepEqual(m.producer, { name: 'arc', version: '9.9.9' });
  assert.deepEqual(m.task.input_files, [file]);
  assert.deepEqual(m.task.input_file_hashes, {
    [file]: createHash('sha256').update(LOOPS).digest('hex'),
  });
  assert.equal(m.task.specification, 'CHECK( init(main()), LTL(G ! call(reach_error())) )');
  assert.equal(m.task.data_model, 'ILP32');
  assert.equal(m.task.language, 'C');
  const invariants = entry.content.map((c) => c.invariant);
  assert.deepEqual(invariants, [
    {
      type: 'loop_invariant',
      location: { file_name: file, line: 6, column: 3, function: 'main' },
      value: 's == 2 * i && i <= n',
      format: 'c_expression',
    },
    {
      type: 'loop_invariant',
      location: { file_name: file, line: 10, column: 3, function: 'main' },
      value: '0 <= k && k <= 10',
      format: 'c_expression',
    },
    {
      // A do-while's invariant is located at its `do`.
      type: 'loop_invariant',
      location: { file_name: file, line: 11, column: 3, function: 'main' },
      value: 's % 2 == 0',
      format: 'c_expression',
    },
  ]);
});

test('a yes from bounded model checking: an invariant_set with no invariants', () => {
  const verdict: YesVerdict = {
    ...base,
    answer: 'yes',
    certificate: { kind: 'bmc', summary: 's', unwind: 0, queries: [query], recheck: 'r' },
  };
  const w = buildWitness(
    verdict,
    task('free.c', 'int main(void) { return 0; }\n', {
      dataModel: 'LP64',
      checkedKinds: ['assertion', 'error-call', 'overflow', 'div-by-zero', 'shift'],
    }),
  );
  assert.ok(w.ok);
  const entry = readBack(w.yaml);
  assert.equal(entry.entry_type, 'invariant_set');
  assert.deepEqual(entry.content, []);
  assert.equal(entry.metadata.task.data_model, 'LP64');
  // Both SV-COMP properties that were proved; division and shifts have no SV-COMP specification.
  assert.equal(
    entry.metadata.task.specification,
    'CHECK( init(main()), LTL(G ! call(reach_error())) )\nCHECK( init(main()), LTL(G ! overflow) )',
  );
  assert.ok(w.notes.some((n) => /div-by-zero, shift/.test(n)));
  assert.match(
    entry.metadata.uuid,
    /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
  );
  assert.ok(!Number.isNaN(Date.parse(entry.metadata.creation_time)));
});

const BUG = [
  'extern int __VERIFIER_nondet_int(void);',
  'extern void abort(void);',
  'void reach_error(void) { abort(); }',
  'void __VERIFIER_assert(int cond) {',
  '  if (!(cond)) {',
  '    ERROR: {reach_error();abort();}',
  '  }',
  '}',
  'int twice(int v) {',
  '  return v + v;',
  '}',
  'int main(void) {',
  '  int a = __VERIFIER_nondet_int(), b = __VERIFIER_nondet_int();',
  '  if (a > 10)',
  '    b = twice(b);',
  '  __VERIFIER_assert(a != b);',
  '  return 0;',
  '}',
  '',
].join('\n');

function noVerdict(
  property: NoVerdict['witness']['property'],
  nondet: { source: string; value: bigint; text: string }[],
  path: { line: number; col: number; text: string }[],
): NoVerdict {
  return {
    ...base,
    answer: 'no',
    witness: {
      inputs: [],
      nondet,
      property,
      path,
      replay: { interpreter: 'agrees', compiler: 'agrees' },
    },
  };
}

test('a no: function_return waypoints for the nondet values, then the error call in __VERIFIER_assert', () => {
  const file = 'bug.c';
  const verdict = noVerdict(
    {
      id: 'main.assertion.1',
      kind: 'assertion',
      description: 'the assertion a != b holds',
      span: span(file, 16, 3, 28),
    },
    [
      { source: '__VERIFIER_nondet_int', value: 12n, text: '12' },
      { source: '__VERIFIER_nondet_int', value: -6n, text: '-6' },
    ],
    [
      { line: 13, col: 11, text: '' },
      { line: 14, col: 7, text: '' },
      { line: 15, col: 5, text: '' },
      { line: 10, col: 3, text: '' },
      { line: 16, col: 3, text: '' },
    ],
  );
  const w = buildWitness(verdict, task(file, BUG));
  assert.ok(w.ok);
  const entry = readBack(w.yaml);
  assert.equal(entry.entry_type, 'violation_sequence');
  assert.equal(
    entry.metadata.task.specification,
    'CHECK( init(main()), LTL(G ! call(reach_error())) )',
  );
  const waypoints = entry.content.map((c) => {
    assert.equal(c.segment?.length, 1, 'one waypoint per segment');
    return c.segment[0].waypoint;
  });
  assert.deepEqual(
    waypoints.map((w) => w.type),
    ['function_return', 'function_return', 'function_enter', 'target'],
  );
  assert.ok(waypoints.every((w) => w.action === 'follow'));
  // Both calls are on line 13; each waypoint is at the `)` that closes its call.
  assert.deepEqual(waypoints[0], {
    type: 'function_return',
    action: 'follow',
    location: { file_name: file, line: 13, column: 33, function: 'main' },
    constraint: { value: '\\result == 12', format: 'acsl_expression' },
  });
  assert.deepEqual(waypoints[1].location, {
    file_name: file,
    line: 13,
    column: 62,
    function: 'main',
  });
  assert.deepEqual(waypoints[1].constraint, { value: '\\result == -6', format: 'acsl_expression' });
  assert.equal(BUG.split('\n')[12][32], ')');
  assert.equal(BUG.split('\n')[12][61], ')');
  // The failing call of __VERIFIER_assert is entered, and the error call inside it is the target.
  assert.deepEqual(waypoints[2].location, {
    file_name: file,
    line: 16,
    column: 27,
    function: 'main',
  });
  assert.equal(waypoints[2].constraint, undefined);
  assert.deepEqual(waypoints[3], {
    type: 'target',
    action: 'follow',
    location: { file_name: file, line: 6, column: 13, function: '__VERIFIER_assert' },
  });
});

test('an overflow: the target is the statement that overflows, in the callee', () => {
  const file = 'bug.c';
  const verdict = noVerdict(
    {
      id: 'twice.overflow.1',
      kind: 'overflow',
      description: 'v + v does not overflow int',
      span: span(file, 10, 10, 15),
    },
    [
      { source: '__VERIFIER_nondet_int', value: 11n, text: '11' },
      { source: '__VERIFIER_nondet_int', value: 2147483647n, text: '2147483647' },
    ],
    // A path whose lines do not account for the calls (as when a loop's lines
    // collapse): the values are placed only where the call site is certain.
    [{ line: 10, col: 3, text: '' }],
  );
  const w = buildWitness(verdict, task(file, BUG, { checkedKinds: ['overflow'] }));
  assert.ok(w.ok);
  const entry = readBack(w.yaml);
  assert.equal(entry.metadata.task.specification, 'CHECK( init(main()), LTL(G ! overflow) )');
  const waypoints = entry.content.map((c) => c.segment?.[0].waypoint);
  // __VERIFIER_nondet_int has two call sites and the path does not say which
  // value came from which: no function_return waypoint is guessed.
  assert.deepEqual(
    waypoints.map((w) => w?.type),
    ['target'],
  );
  assert.deepEqual(waypoints[0]?.location, {
    file_name: file,
    line: 10,
    column: 3,
    function: 'twice',
  });
  assert.ok(w.notes.some((n) => /2 of 2 nondeterministic values/.test(n)));
});

test("don't know, and properties SV-COMP has no specification for, give no witness", () => {
  const unknown: UnknownVerdict = {
    ...base,
    answer: 'unknown',
    reason: { code: 'timeout', message: 'm' },
  };
  const u = buildWitness(unknown, task('x.c', 'int main(void){return 0;}\n'));
  assert.equal(u.ok, false);
  const div = noVerdict(
    { id: 'main.div-by-zero.1', kind: 'div-by-zero', description: 'd', span: span('x.c', 1, 1) },
    [],
    [],
  );
  const d = buildWitness(div, task('x.c', 'int main(void){return 1/0;}\n'));
  assert.equal(d.ok, false);
  if (!d.ok) assert.match(d.reason, /no specification for div-by-zero/);
});

test('arc prove --witness on a C file with a bug: the violation sequence leads to the failing line', () => {
  const source = [
    'extern int __VERIFIER_nondet_int(void);',
    'extern void abort(void);',
    'void reach_error(void) { abort(); }',
    'int main(void) {',
    '  int x = __VERIFIER_nondet_int();',
    '  int y = __VERIFIER_nondet_int();',
    '  if (x > 100 && y == x - 7) {',
    '    reach_error();',
    '  }',
    '  return 0;',
    '}',
    '',
  ].join('\n');
  const file = join(dir, 'real-bug.c');
  writeFileSync(file, source);
  const out = join(dir, 'real-bug.yml');
  const r = runCli([
    'prove',
    file,
    '--property',
    'assertions',
    '--data-model',
    'ILP32',
    '--witness',
    out,
    '--json',
  ]);
  assert.equal(r.code, 1, r.stderr);
  const verdict = JSON.parse(r.stdout) as NoVerdict;
  const entry = readBack(readFileSync(out, 'utf8'));
  assert.equal(entry.entry_type, 'violation_sequence');
  assert.deepEqual(entry.metadata.task.input_files, [file]);
  assert.equal(
    entry.metadata.task.input_file_hashes[file],
    createHash('sha256').update(source).digest('hex'),
  );
  assert.equal(entry.metadata.task.data_model, 'ILP32');
  assert.equal(entry.metadata.producer.name, 'arc');
  const waypoints = entry.content.map((c) => c.segment?.[0].waypoint);
  const target = waypoints[waypoints.length - 1];
  assert.deepEqual(target?.type, 'target');
  assert.deepEqual(target?.location, { file_name: file, line: 8, column: 5, function: 'main' });
  // One function_return waypoint per value arc replayed, at lines 5 and 6, with its value.
  const returns = waypoints.filter((w) => w?.type === 'function_return');
  assert.deepEqual(
    returns.map((w) => [w?.location.line, w?.location.column, w?.constraint?.value]),
    verdict.witness.nondet.map((n, i) => [5 + i, 33, `\\result == ${n.text}`]),
  );
  const [x, y] = verdict.witness.nondet.map((n) => Number(n.value));
  assert.ok(x > 100 && y === x - 7, 'the witness values reach the error');
});

test("arc prove --witness with a don't-know answer writes no file; terminates --witness is refused", () => {
  const file = join(dir, 'undef.c');
  writeFileSync(
    file,
    'extern int f(void);\nvoid reach_error(void) {}\nint main(void) {\n  if (f() == 3) reach_error();\n  return 0;\n}\n',
  );
  const out = join(dir, 'undef.yml');
  const r = runCli(['prove', file, '--property', 'assertions', '--witness', out]);
  assert.equal(r.code, 3, r.stderr);
  assert.equal(existsSync(out), false);
  assert.match(r.stderr, /no witness written/);
  const t = runCli(['terminates', file, '--witness', out]);
  assert.equal(t.code, 2);
  assert.match(t.stderr, /--witness is not supported/);
  const missingDir = runCli(['prove', file, '--witness', join(dir, 'nope', 'w.yml')]);
  assert.equal(missingDir.code, 2);
  assert.match(missingDir.stderr, /--witness: the directory .* does not exist/);
});

test('a Python program gets no SV-COMP witness, for a yes or a no; the reporter asks the language, not the file name', () => {
  const file = join(dir, 'clamp.py');
  writeFileSync(file, 'def f(x: int) -> bool:\n    return x * x >= 0\n');
  const out = join(dir, 'clamp.yml');
  const yes = runCli(['prove', file, '--function', 'f', '--returns-true', '--witness', out]);
  assert.equal(yes.code, 0, yes.stderr);
  assert.equal(existsSync(out), false);
  assert.match(yes.stderr, /no witness written: SV-COMP witnesses are for C programs/);
  const bad = join(dir, 'bad.py');
  writeFileSync(bad, 'def f(x: int) -> bool:\n    return x != 7\n');
  const no = runCli(['prove', bad, '--function', 'f', '--returns-true', '--witness', out]);
  assert.equal(no.code, 1, no.stderr);
  assert.equal(existsSync(out), false);
  assert.match(no.stderr, /SV-COMP witnesses are for C programs/);
  // The front-end's language decides, not the file name.
  const violation = noVerdict(
    { id: 'main.error-call.1', kind: 'error-call', description: 'd', span: span('x.py', 1, 1) },
    [],
    [],
  );
  const source = 'int main(void){return 0;}\n';
  assert.equal(buildWitness(violation, task('x.py', source, { language: 'python' })).ok, false);
  assert.equal(buildWitness(violation, task('x.py', source, { language: 'c' })).ok, true);
});

test('an entry function with parameters: an assumption on them at its first statement', () => {
  const file = 'params.c';
  const source = 'int f(int x, unsigned long y) {\n  int z = x * 2;\n  return z != (int)y;\n}\n';
  const verdict: NoVerdict = {
    ...base,
    answer: 'no',
    witness: {
      inputs: [
        { name: 'x', type: 'int', value: -1700831395n, text: '-1700831395' },
        {
          name: 'y',
          type: 'unsigned long',
          value: 18446744073709551615n,
          text: '18446744073709551615',
        },
      ],
      nondet: [],
      property: {
        id: 'f.overflow.1',
        kind: 'overflow',
        description: 'x * 2 does not overflow int',
        span: span(file, 2, 11, 16),
      },
      path: [{ line: 2, col: 11, text: 'int z = x * 2;' }],
      replay: { interpreter: 'agrees', compiler: 'agrees' },
    },
  };
  const w = buildWitness(
    verdict,
    task(file, source, { entryFunction: 'f', checkedKinds: ['overflow'] }),
  );
  assert.ok(w.ok);
  const entry = readBack(w.yaml);
  assert.equal(entry.metadata.task.specification, 'CHECK( init(f()), LTL(G ! overflow) )');
  const [assume, target] = entry.content.map((c) => c.segment?.[0].waypoint);
  assert.deepEqual(assume, {
    type: 'assumption',
    action: 'follow',
    location: { file_name: file, line: 2, column: 3, function: 'f' },
    constraint: {
      value: 'x == (-1700831395) && y == 18446744073709551615U',
      format: 'c_expression',
    },
  });
  assert.equal(target?.type, 'target');
  assert.deepEqual(target?.location, { file_name: file, line: 2, column: 3, function: 'f' });
});

test('C literals for parameter values', () => {
  assert.equal(cLiteral(5n, 'int'), '5');
  assert.equal(cLiteral(-5n, 'signed char'), '(-5)');
  assert.equal(cLiteral(4294967295n, 'unsigned int'), '4294967295U');
  assert.equal(cLiteral(1n, '_Bool'), '1U');
  assert.equal(cLiteral(-9223372036854775808n, 'long'), '(-9223372036854775807LL - 1)');
  assert.equal(cLiteral(-9223372036854775807n, 'long long'), '(-9223372036854775807)');
});
