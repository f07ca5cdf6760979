/**
 * Golden corpus: every `cases/*.c` file starts with header comments that are
 * the test's data —
 *
 *   // expect: yes | no | unknown
 *   // args: --function f --property no-overflow --returns-true --data-model ILP32 --max-unwind 8
 *   // property: f.overflow.1      (required for `no`: the violated property id)
 *   // reason: unbounded-loop      (optional for `unknown`: the expected reason code)
 *   // witness: f(2147483647, 1)   (documentation: inputs that show a `no`, checked with gcc+UBSan)
 *   // note: one line on why the expectation is true C semantics
 *
 * The runner proves each case through the library API and checks the answer
 * and the evidence that comes with it. (Shared by corpus.test.ts, loops.test.ts and
 * the load benchmark, bench/load-cases.ts.)
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { DataModel, ProveOptions } from '../../src/api/types.js';
import type { Verdict } from '../../src/verdict/verdict.js';
import { argValue, readCorpusArgs } from '../support/corpus-args.js';

/** Tests run from dist/test/corpus/; the C files stay in test/corpus/cases. */
export const CASES_DIR = fileURLToPath(new URL('../../../test/corpus/cases/', import.meta.url));
/** The loop corpus, in the same format. */
export const LOOPS_DIR = fileURLToPath(new URL('../../../test/corpus/loops/', import.meta.url));

/** The case files of a corpus folder (`*.c`), sorted. */
export function caseFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.c'))
    .sort();
}

export type Expectation = 'yes' | 'no' | 'unknown';

export interface CorpusCase {
  readonly name: string;
  readonly file: string;
  readonly source: string;
  readonly expect: Expectation;
  readonly options: ProveOptions;
  readonly entry: string;
  readonly property?: string;
  readonly reason?: string;
  readonly note?: string;
  /** A known gap: the true answer is `expect`, but don't know is accepted (never the opposite answer). */
  readonly gap?: string;
}

/** The leading `// key: value` comment lines of a case file. */
export function parseHeader(source: string): Map<string, string> {
  const header = new Map<string, string>();
  for (const line of source.split('\n')) {
    const m = /^\/\/\s*([A-Za-z][\w-]*):\s*(.*?)\s*$/.exec(line);
    if (m === null) break;
    if (header.has(m[1])) throw new Error(`duplicate header key '${m[1]}'`);
    header.set(m[1], m[2]);
  }
  return header;
}

/** CLI-style `args:` into ProveOptions (only the options the corpus uses). */
function parseArgs(file: string, args: string): ProveOptions {
  const a = readCorpusArgs(
    args,
    ['--function', '--property', '--data-model', '--max-unwind'],
    ['--returns-true'],
  );
  const fn = argValue(a, '--function');
  const properties = a.get('--property') ?? [];
  const dataModel = argValue(a, '--data-model');
  if (dataModel !== undefined && dataModel !== 'LP64' && dataModel !== 'ILP32')
    throw new Error(`bad data model ${dataModel}`);
  const maxUnwind = argValue(a, '--max-unwind');
  return {
    file,
    // A generous budget: a timeout would turn a yes or no into don't know.
    timeoutSeconds: 60,
    ...(fn !== undefined ? { function: fn } : {}),
    ...(a.has('--returns-true') ? { returnsTrue: true } : {}),
    ...(properties.length > 0 ? { properties } : {}),
    ...(dataModel !== undefined ? { dataModel: dataModel as DataModel } : {}),
    ...(maxUnwind !== undefined ? { maxUnwind: Number(maxUnwind) } : {}),
  };
}

/** Parameter names of the definition of `fn` in `source` (a light regex; enough for the corpus). */
function parameterNames(source: string, fn: string): string[] {
  const m = new RegExp(`\\b${fn}\\s*\\(([^)]*)\\)\\s*\\{`).exec(source);
  if (m === null) throw new Error(`no definition of ${fn} found`);
  const list = m[1].trim();
  if (list === '' || list === 'void') return [];
  return list.split(',').map((p) => {
    const id = /([A-Za-z_]\w*)\s*$/.exec(p.trim());
    if (id === null) throw new Error(`cannot read parameter '${p}'`);
    return id[1];
  });
}

export function loadCase(name: string, dir: string = CASES_DIR, timeoutSeconds = 60): CorpusCase {
  const file = path.join(dir, name);
  const source = readFileSync(file, 'utf8');
  const header = parseHeader(source);
  const expect = header.get('expect');
  if (expect !== 'yes' && expect !== 'no' && expect !== 'unknown') {
    throw new Error(`${name}: header 'expect' must be yes, no or unknown, got ${String(expect)}`);
  }
  const options = { ...parseArgs(file, header.get('args') ?? ''), timeoutSeconds };
  const property = header.get('property');
  const reason = header.get('reason');
  const note = header.get('note');
  const gap = header.get('gap');
  if (expect === 'no' && property === undefined) {
    throw new Error(`${name}: a 'no' case needs a 'property' header`);
  }
  return {
    name,
    file,
    source,
    expect,
    options,
    entry: options.function ?? 'main',
    ...(property !== undefined ? { property } : {}),
    ...(reason !== undefined ? { reason } : {}),
    ...(note !== undefined ? { note } : {}),
    ...(gap !== undefined ? { gap } : {}),
  };
}

function describe(v: Verdict): string {
  const parts = [`answer ${v.answer}: ${v.explanation}`];
  if (v.answer === 'unknown') parts.push(`reason ${v.reason.code}: ${v.reason.message}`);
  if (v.answer === 'no') {
    const cx = v.witness;
    parts.push(
      `property ${cx.property.id}; inputs ${cx.inputs.map((i) => `${i.name}=${i.value}`).join(', ')}` +
        `; nondet ${cx.nondet.map((n) => n.value).join(', ')}` +
        `; replay ${cx.replay.interpreter}/${cx.replay.compiler} ${cx.replay.detail ?? ''}`,
    );
  }
  return parts.join('\n  ');
}

export function checkCase(c: CorpusCase, v: Verdict): void {
  const context = `${c.name} (${c.note ?? 'no note'})\n  ${describe(v)}`;
  if (c.gap !== undefined && v.answer === 'unknown') return;
  assert.equal(v.answer, c.expect, `wrong answer for ${context}`);
  switch (v.answer) {
    case 'no': {
      const cx = v.witness;
      assert.equal(cx.property.id, c.property, `wrong violated property for ${context}`);
      assert.equal(cx.replay.interpreter, 'agrees', `interpreter replay for ${context}`);
      assert.ok(
        cx.replay.compiler === 'agrees' ||
          cx.replay.compiler === 'unavailable' ||
          cx.replay.compiler === 'not-applicable',
        `compiler replay '${cx.replay.compiler}' for ${context}`,
      );
      const params = parameterNames(c.source, c.entry);
      // A pointer parameter p is two inputs: `p == NULL` and `elements at p`.
      const named = [
        ...new Set(
          cx.inputs.map((i) => i.name.replace(/ == NULL$/, '').replace(/^elements at /, '')),
        ),
      ];
      assert.deepEqual(
        [...named].sort(),
        [...params].sort(),
        `inputs must be named by parameter for ${context}`,
      );
      for (const i of cx.inputs) {
        assert.match(i.text, /^-?\d+$/, `input ${i.name} is not a decimal for ${context}`);
      }
      break;
    }
    case 'yes': {
      const cert = v.certificate;
      if (cert.queries.length === 0) {
        // Only when the function has no property of the selected kinds at all.
        assert.equal(v.properties.length, 0, `certificate without queries for ${context}`);
        assert.match(cert.summary, /nothing to prove/, `empty certificate for ${context}`);
      }
      assert.ok(cert.recheck.trim().length > 0, `certificate without recheck for ${context}`);
      for (const q of cert.queries) {
        assert.match(q.smtlib, /check-sat/, `query without check-sat for ${context}`);
      }
      break;
    }
    case 'unknown':
      if (c.reason !== undefined) {
        assert.equal(v.reason.code, c.reason, `wrong unknown reason for ${context}`);
      }
      break;
  }
}
