/**
 * `npm run bench:peer` (bench/peer-cases.ts): the mapping of every check
 * token to arc's options, the scoring rules, the manifest of the
 * peer-regression suite, and the reports. No arc runs here.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Outcome } from '../../src/cli/bench/cli-process.js';
import {
  arcArgs,
  caseFile,
  CHECK_GROUPS,
  judge,
  loadManifest,
  mapChecks,
  markdownReport,
  noAnswerReason,
  notRun,
  parseManifest,
  TOKEN_ORDER,
  TOPICS,
  tsvReport,
  UNCHECKED_TOKENS,
  type ArcOptions,
  type PeerCase,
  type PeerResult,
  type ReportSettings,
} from '../../bench/peer-cases.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const SUITE = join(REPO, '..', 'shared', 'bench', 'peer-regression');
const noSuite = existsSync(join(SUITE, 'manifest.tsv')) ? false : `no suite at ${SUITE}`;

/** Every check token, alone: its arc options. */
const MAPPING: readonly [string, Partial<ArcOptions>][] = [
  ['assertions', { properties: ['assertions'] }],
  ['library', { properties: ['valid-free', 'valid-call', 'library'] }],
  ['bounds', { properties: ['valid-deref'] }],
  ['pointer', { properties: ['valid-deref', 'valid-free'] }],
  ['div-by-zero', { properties: ['no-div-by-zero'] }],
  ['signed-overflow', { properties: ['no-overflow'] }],
  ['undefined-shift', { properties: ['valid-shift'] }],
  ['pointer-overflow', { properties: ['valid-pointer-arith'] }],
  ['pointer-relation', { properties: ['valid-pointer-compare'] }],
  ['memory-leak', { properties: ['valid-memtrack'] }],
  ['malloc-may-fail', { mallocMayFail: true }],
  ['unwinding-assertions=3', { maxUnwind: 3 }],
  ['unwinding-assertions=24', { maxUnwind: 24 }],
  ['bounded-unwind=2', {}],
  ['unsigned-overflow', { unchecked: ['unsigned-overflow'] }],
  ['alignment', { unchecked: ['alignment'] }],
  ['vla-size', { properties: ['valid-deref'] }],
  ['no-such-check', { unchecked: ['no-such-check'] }],
  ['unwinding-assertions=x', { unchecked: ['unwinding-assertions=x'] }],
  ['bounded-unwind', { unchecked: ['bounded-unwind'] }],
  ['malloc-may-fail=1', { unchecked: ['malloc-may-fail=1'] }],
];

test('every check token maps to its arc options', () => {
  for (const [token, want] of MAPPING) {
    const expected: ArcOptions = {
      properties: [],
      mallocMayFail: false,
      unchecked: [],
      ...want,
    };
    assert.deepEqual(mapChecks([token]), expected, token);
  }
  // Every token of the README's vocabulary is in the table above.
  for (const name of TOKEN_ORDER) {
    assert.ok(
      MAPPING.some(([t]) => t === name || t.startsWith(`${name}=`)),
      `no mapping test for ${name}`,
    );
  }
  assert.deepEqual(Object.keys(CHECK_GROUPS).sort(), [
    'assertions',
    'bounds',
    'div-by-zero',
    'library',
    'memory-leak',
    'pointer',
    'pointer-overflow',
    'pointer-relation',
    'signed-overflow',
    'undefined-shift',
    'vla-size',
  ]);
  assert.deepEqual(UNCHECKED_TOKENS, ['unsigned-overflow', 'alignment']);
});

test('a case maps to one command line: groups once each, in a fixed order', () => {
  // ESBMC's defaults with an unwinding bound and signed overflow.
  const esbmc = mapChecks(
    'assertions,library,bounds,pointer,div-by-zero,alignment,pointer-relation,vla-size,malloc-may-fail,signed-overflow,unwinding-assertions=6'.split(
      ',',
    ),
  );
  assert.deepEqual(esbmc, {
    properties: [
      'assertions',
      'valid-deref',
      'valid-free',
      'valid-pointer-compare',
      'valid-call',
      'library',
      'no-div-by-zero',
      'no-overflow',
    ],
    mallocMayFail: true,
    maxUnwind: 6,
    unchecked: ['alignment'],
  });
  assert.deepEqual(arcArgs('/s/esbmc/x/main.c', esbmc, 10), [
    'prove',
    '/s/esbmc/x/main.c',
    '--function',
    'main',
    '--property',
    'assertions',
    '--property',
    'valid-deref',
    '--property',
    'valid-free',
    '--property',
    'valid-pointer-compare',
    '--property',
    'valid-call',
    '--property',
    'library',
    '--property',
    'no-div-by-zero',
    '--property',
    'no-overflow',
    '--timeout',
    '10',
    '--data-model',
    'LP64',
    '--malloc-may-fail',
    '--max-unwind',
    '6',
    '--undefined-functions-pure',
    '--json',
  ]);
  // CBMC 5.83's defaults: assertions and its library; malloc never fails; no bound.
  const cbmc = mapChecks(['assertions', 'library', 'bounded-unwind=1']);
  assert.deepEqual(arcArgs('f.c', cbmc, 5), [
    'prove',
    'f.c',
    '--function',
    'main',
    '--property',
    'assertions',
    '--property',
    'valid-free',
    '--property',
    'valid-call',
    '--property',
    'library',
    '--timeout',
    '5',
    '--data-model',
    'LP64',
    '--malloc-never-fails',
    '--undefined-functions-pure',
    '--json',
  ]);
  // Repeated and overlapping tokens: each group once; the smallest unwinding bound.
  assert.deepEqual(
    mapChecks([
      'pointer',
      'bounds',
      'pointer',
      'unwinding-assertions=8',
      'unwinding-assertions=4',
      'alignment',
      'alignment',
    ]),
    {
      properties: ['valid-deref', 'valid-free'],
      mallocMayFail: false,
      maxUnwind: 4,
      unchecked: ['alignment'],
    },
  );
});

function outcome(answer: Outcome['answer'], extra: Partial<Outcome> = {}): Outcome {
  return { answer, reason: '', message: '', explanation: '', wallMs: 1000, ...extra };
}

test('scoring: the answer against the expected verdict', () => {
  const all = mapChecks(['assertions', 'library']);
  const S = { expected: 'SUCCESSFUL' } as const;
  const F = { expected: 'FAILED' } as const;
  assert.deepEqual(judge(S, all, outcome('yes')), { judgement: 'correct', reason: '' });
  assert.deepEqual(judge(F, all, outcome('no')), { judgement: 'correct', reason: '' });
  assert.deepEqual(judge(S, all, outcome('no')), { judgement: 'wrong', reason: '' });
  assert.deepEqual(judge(F, all, outcome('yes')), { judgement: 'wrong', reason: '' });
  // No answer: don't know, with the first line of arc's reason.
  assert.deepEqual(
    judge(
      S,
      all,
      outcome('unknown', { reason: 'unsupported', message: 'unsupported: pointers\nmore' }),
    ),
    { judgement: "don't know", reason: 'unsupported: pointers' },
  );
  assert.deepEqual(judge(F, all, outcome('unknown', { reason: 'timeout' })), {
    judgement: "don't know",
    reason: 'timeout',
  });
  assert.deepEqual(
    judge(
      F,
      all,
      outcome('error', {
        reason: 'exit 2',
        message: "error: unknown --property 'valid-deref' [bad-option]",
      }),
    ),
    {
      judgement: "don't know",
      reason: "error (exit 2): error: unknown --property 'valid-deref' [bad-option]",
    },
  );
  assert.deepEqual(judge(F, all, outcome('error', { reason: 'signal SIGSEGV', message: '' })), {
    judgement: "don't know",
    reason: 'error (signal SIGSEGV): no message',
  });
  assert.deepEqual(
    judge(
      S,
      all,
      outcome('unknown', { reason: 'killed', message: 'no answer after 70 s (--timeout 10)' }),
    ),
    { judgement: "don't know", reason: 'killed: no answer after 70 s (--timeout 10)' },
  );
  assert.equal(noAnswerReason(outcome('unknown')), '(no reason given)');
});

test('scoring: a yes on a case with a check arc has no property for is not trusted; a no stays a no', () => {
  const esbmc = mapChecks(['assertions', 'bounds', 'alignment', 'pointer-relation', 'vla-size']);
  const unsigned = mapChecks(['assertions', 'unsigned-overflow']);
  const S = { expected: 'SUCCESSFUL' } as const;
  const F = { expected: 'FAILED' } as const;
  assert.deepEqual(judge(S, esbmc, outcome('yes')), {
    judgement: "don't know",
    reason: 'unchecked: alignment',
  });
  // A yes that would be wrong is not counted wrong either: the failure may be the unchecked one.
  assert.deepEqual(judge(F, unsigned, outcome('yes')), {
    judgement: "don't know",
    reason: 'unchecked: unsigned-overflow',
  });
  assert.deepEqual(judge(F, esbmc, outcome('no')), { judgement: 'correct', reason: '' });
  assert.deepEqual(judge(S, unsigned, outcome('no')), { judgement: 'wrong', reason: '' });
  // bounded-unwind and malloc-may-fail are honoured, not unchecked.
  assert.deepEqual(
    judge(S, mapChecks(['assertions', 'malloc-may-fail', 'bounded-unwind=3']), outcome('yes')),
    { judgement: 'correct', reason: '' },
  );
});

test('the manifest parser rejects malformed rows, naming the line', () => {
  const header = 'case\tmain\texpected\toptions\tchecks\ttopic';
  const ok = parseManifest(
    `${header}\ncbmc/A\tmain.c\tFAILED\t--pointer-check\tassertions,library,pointer\theap\n\n`,
  );
  assert.deepEqual(ok, [
    {
      name: 'cbmc/A',
      tool: 'cbmc',
      main: 'main.c',
      expected: 'FAILED',
      options: '--pointer-check',
      checks: ['assertions', 'library', 'pointer'],
      topic: 'heap',
    },
  ]);
  assert.throws(
    () => parseManifest(`${header}\ncbmc/A\tmain.c\tPASSED\t\tassertions\theap\n`),
    /manifest\.tsv:2: expected "PASSED"/,
  );
  assert.throws(
    () => parseManifest(`${header}\ncbmc/A\tmain.c\tFAILED\t\tassertions\tfloats\n`),
    /manifest\.tsv:2: topic "floats"/,
  );
  assert.throws(
    () =>
      parseManifest(
        `${header}\ncbmc/A\tmain.c\tFAILED\t\tassertions\theap\ncbmc/A\tmain.c\tFAILED\t\tassertions\theap\n`,
      ),
    /manifest\.tsv:3: case cbmc\/A listed twice/,
  );
  assert.throws(() => parseManifest('case\tmain\n'), /no column expected/);
});

/** The README's table: topic → [cbmc SUCCESSFUL, cbmc FAILED, esbmc SUCCESSFUL, esbmc FAILED, total]. */
function readmeTable(): Map<string, number[]> {
  const rows = new Map<string, number[]>();
  for (const line of readFileSync(join(SUITE, 'README.md'), 'utf8').split('\n')) {
    const m = /^\| (\*\*all\*\*|[a-z]+) \|((?: [*\d]+ \|){5})$/.exec(line.trim());
    if (m === null) continue;
    const cells = m[2]
      .split('|')
      .map((c) => c.replace(/\*/g, '').trim())
      .filter((c) => c !== '')
      .map(Number);
    rows.set(m[1].replace(/\*/g, ''), cells);
  }
  return rows;
}

test(
  'the peer-regression manifest: 299 cases, per topic as the README counts them',
  { skip: noSuite },
  () => {
    const cases = loadManifest(SUITE);
    assert.equal(cases.length, 299);
    const readme = readmeTable();
    assert.deepEqual([...readme.keys()], [...TOPICS, 'all'], 'the README table has every topic');
    const count = (cs: readonly PeerCase[]): number[] => {
      const n = (tool: string, expected: string): number =>
        cs.filter((c) => c.tool === tool && c.expected === expected).length;
      return [
        n('cbmc', 'SUCCESSFUL'),
        n('cbmc', 'FAILED'),
        n('esbmc', 'SUCCESSFUL'),
        n('esbmc', 'FAILED'),
        cs.length,
      ];
    };
    for (const topic of TOPICS) {
      assert.deepEqual(
        count(cases.filter((c) => c.topic === topic)),
        readme.get(topic),
        `topic ${topic}`,
      );
    }
    assert.deepEqual(count(cases), readme.get('all'));
    assert.deepEqual(readme.get('all'), [90, 53, 82, 74, 299]);
    // Every program is there, and every token is one of the README's vocabulary.
    for (const c of cases) {
      assert.ok(existsSync(caseFile(SUITE, c)), `no file ${c.name}/${c.main}`);
      const options = mapChecks(c.checks);
      assert.ok(options.properties.includes('assertions'), `${c.name} checks assertions`);
      for (const u of options.unchecked) {
        assert.ok(UNCHECKED_TOKENS.includes(u), `${c.name}: unknown token ${u}`);
      }
    }
    // The ESBMC cases carry ESBMC's defaults; CBMC's malloc never fails.
    assert.equal(cases.filter((c) => c.checks.includes('alignment')).length, 152);
    assert.ok(
      cases.filter((c) => c.tool === 'cbmc').every((c) => !mapChecks(c.checks).mallocMayFail),
    );
  },
);

const SETTINGS: ReportSettings = {
  date: '2026-01-01',
  machine: 'a test machine',
  command: 'npm run bench:peer',
  suite: '../shared/bench/peer-regression',
  suiteDir: '/abs/peer-regression',
  suiteCases: 299,
  timeoutS: 10,
  jobs: 1,
  killAfterS: 70,
  tsvName: 'BENCHMARKS-peer.tsv',
};

function peerCase(
  name: string,
  expected: PeerCase['expected'],
  topic: PeerCase['topic'],
  checks: string,
): PeerCase {
  return {
    name,
    tool: name.split('/')[0],
    main: 'main.c',
    expected,
    options: '',
    checks: checks.split(','),
    topic,
  };
}

function fakeResults(time: (i: number) => number): PeerResult[] {
  const ESBMC =
    'assertions,library,bounds,pointer,div-by-zero,alignment,pointer-relation,vla-size,malloc-may-fail';
  const rows: [PeerCase, Outcome][] = [
    [peerCase('cbmc/A', 'SUCCESSFUL', 'integers', 'assertions,library'), outcome('yes')],
    [
      peerCase('cbmc/B', 'FAILED', 'heap', 'assertions,library,pointer'),
      outcome('no', {
        violated: { kind: 'valid-free', description: 'p is freed once', id: 'main.valid-free.1' },
      }),
    ],
    [
      peerCase('cbmc/C', 'SUCCESSFUL', 'arrays', 'assertions,library,bounds'),
      outcome('no', {
        violated: {
          kind: 'valid-deref',
          description: 'a[i] is within a',
          id: 'main.valid-deref.2',
        },
      }),
    ],
    [peerCase('esbmc/D', 'SUCCESSFUL', 'pointers', ESBMC), outcome('yes')],
    [
      peerCase('esbmc/E', 'FAILED', 'pointers', ESBMC),
      outcome('unknown', {
        reason: 'unsupported',
        message: 'unsupported: pointers',
      }),
    ],
    [
      peerCase('esbmc/F', 'FAILED', 'strings', `${ESBMC},unwinding-assertions=3`),
      outcome('unknown', { reason: 'unsupported', message: 'unsupported: pointers' }),
    ],
    [
      peerCase('esbmc/G', 'SUCCESSFUL', 'fnptr', ESBMC),
      outcome('error', {
        reason: 'exit 2',
        message: '/abs/peer-regression/esbmc/G/main.c:3:1: error: bad [parse]',
      }),
    ],
    [peerCase('cbmc/H', 'FAILED', 'recursion', 'assertions,library'), outcome('yes')],
    [
      peerCase(
        'cbmc/I',
        'SUCCESSFUL',
        'structs',
        'assertions,library,pointer-overflow,unsigned-overflow',
      ),
      outcome('yes'),
    ],
  ];
  return rows.map(([c, o], i) => {
    const options = mapChecks(c.checks);
    const timed = { ...o, wallMs: time(i) };
    return { case: c, options, outcome: timed, ...judge(c, options, timed) };
  });
}

test('the report from fake results: totals, tables, reasons, wrong answers; deterministic', () => {
  const results = fakeResults((i) => 100 * (i + 1));
  const md = markdownReport(results, SETTINGS);
  assert.equal(markdownReport(results, SETTINGS), md, 'the same results give the same report');
  // Only times, the date and the machine change when the answers do not.
  const slower = markdownReport(
    fakeResults((i) => 7000 - 300 * i),
    {
      ...SETTINGS,
      date: '2027-02-02',
      machine: 'another machine',
    },
  );
  const strip = (text: string): string =>
    text
      .split('\n')
      .filter((l) => !/^(Written by|Machine:|Time per case:)/.test(l))
      .join('\n');
  assert.notEqual(slower, md);
  assert.equal(strip(slower), strip(md));

  assert.match(md, /Written by `npm run bench:peer` on 2026-01-01\./);
  assert.match(md, /Suite: `\.\.\/shared\/bench\/peer-regression`, 9 of 299 cases;/);
  assert.match(md, /Correct 2 \(1 yes, 1 no\), wrong 2, don't know 5, of 9 cases run\./);
  assert.match(
    md,
    /Right: 2\/299 \(0\.7%\) of the suite's 299 cases \(2\/9 \(22\.2%\) of those run\)\./,
  );
  assert.match(md, /Time per case: median 0\.5 s, 90th percentile 0\.9 s, total 4\.5 s\./);
  assert.match(md, /### Wrong answers \(2\)/);
  assert.match(
    md,
    /- `cbmc\/C` \(arrays\): expected SUCCESSFUL, arc no — violated main\.valid-deref\.2: a\[i\] is within a/,
  );
  assert.match(md, /- `cbmc\/H` \(recursion\): expected FAILED, arc yes\n/);
  // Topic table: every topic present, in the suite's order, and the total.
  assert.match(
    md,
    /\| topic \| cases \| expected SUCCESSFUL \/ FAILED \| correct \| wrong \| don't know \| right \|/,
  );
  assert.match(md, /\| arrays \| 1 \| 1 \/ 0 \| 0 \| 1 \| 0 \| 0\/1 \(0\.0%\) \|/);
  assert.match(md, /\| pointers \| 2 \| 1 \/ 1 \| 0 \| 0 \| 2 \| 0\/2 \(0\.0%\) \|/);
  assert.match(md, /\| all \| 9 \| 5 \/ 4 \| 2 \| 2 \| 5 \| 2\/9 \(22\.2%\) \|/);
  const topicRows = [
    ...md.matchAll(/^\| (arrays|pointers|structs|heap|strings|fnptr|recursion|integers) \|/gm),
  ]
    .map((m) => m[1])
    .slice(0, 8);
  assert.deepEqual(topicRows, [
    'arrays',
    'pointers',
    'structs',
    'heap',
    'strings',
    'fnptr',
    'recursion',
    'integers',
  ]);
  // Check table: a case under each of its tokens; `=N` tokens under their names.
  assert.match(md, /\| assertions \| 9 \| 5 \/ 4 \| 2 \| 2 \| 5 \|/);
  assert.match(md, /\| alignment \| 4 \| 2 \/ 2 \| 0 \| 0 \| 4 \|/);
  assert.match(md, /\| unwinding-assertions \| 1 \| 0 \/ 1 \| 0 \| 0 \| 1 \|/);
  assert.match(md, /\| unsigned-overflow \| 1 \| 1 \/ 0 \| 0 \| 0 \| 1 \|/);
  // The distrusted yes answers and the reasons.
  assert.match(md, /### Yes answers not trusted \(2\)/);
  assert.match(md, /By unchecked token: alignment 1, unsigned-overflow 1\./);
  assert.match(md, /\| 2 \| unsupported: pointers \| esbmc\/E \|/);
  assert.match(md, /\| 1 \| unchecked: alignment \| esbmc\/D \|/);
  assert.match(md, /\| 1 \| unchecked: unsigned-overflow \| cbmc\/I \|/);
  assert.match(md, /\| 1 \| error \(exit 2\): FILE: error: bad \[parse\] \| esbmc\/G \|/);
  assert.doesNotMatch(md, /\/abs\//, 'no absolute paths');
  // The mapping table.
  assert.match(
    md,
    /\| library \| --property valid-free --property valid-call --property library \|/,
  );
  assert.match(md, /\| unwinding-assertions=N \| --max-unwind N \|/);

  const tsv = tsvReport(results, SETTINGS.suiteDir).split('\n');
  assert.equal(
    tsv[0],
    'case\ttopic\texpected\tchecks\tarc_options\tanswer\tjudgement\tviolated\treason\tseconds',
  );
  assert.equal(tsv.length, 1 + results.length + 1, 'a header, a row per case, a final newline');
  assert.equal(
    tsv[2],
    'cbmc/B\theap\tFAILED\tassertions,library,pointer\t--property assertions --property valid-deref --property valid-free --property valid-call --property library --malloc-never-fails\tno\tcorrect\tmain.valid-free.1\t\t0.20',
  );
  assert.match(
    tsv[7],
    /^esbmc\/G\t.*\terror\tdon't know\t\terror \(exit 2\): esbmc\/G\/main\.c:3:1: error: bad \[parse\]\t0\.70$/,
  );
});

test('a case with no check arc has a property for is not run', () => {
  const c = peerCase('x/Y', 'SUCCESSFUL', 'integers', 'alignment');
  const options = mapChecks(c.checks);
  assert.deepEqual(options.properties, []);
  const r = notRun(c, options);
  assert.equal(r.judgement, "don't know");
  assert.match(r.reason, /^not run: no check arc has a property for \(alignment\)$/);
});
