/**
 * The memory-safety golden corpus (test/corpus/memory/*.c; README.md there):
 * C programs with arrays, pointers, structs, unions, the heap, strings and
 * function pointers, each with its expected answer. Every `no` names the
 * property kind and source line of the violation, and was shown by a run of
 * the program compiled with sanitizers (scripts/check-memory-corpus.sh); every
 * `yes` ran clean on its drivers' inputs.
 *
 * arc must give the expected answer with its evidence: for a no, a violated
 * property of that kind at that line, replayed by the interpreter; for a yes,
 * a certificate of re-checked queries. A case with a `gap:` header is a known
 * limit of arc: don't know is accepted there, the opposite answer never. A
 * case that expects `unknown` names the reason code arc must give
 * (`reason: undefined-behaviour`: a yes would rest on unchecked UB).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { prove } from '../../src/index.js';
import type { DataModel, ProveOptions } from '../../src/api/types.js';
import { argValue, readCorpusArgs } from '../support/corpus-args.js';
import { parseHeader } from './support.js';

const DIR = fileURLToPath(new URL('../../../test/corpus/memory/', import.meta.url));

interface MemoryCase {
  readonly name: string;
  readonly expect: 'yes' | 'no' | 'unknown';
  readonly reason?: string;
  readonly options: ProveOptions;
  readonly violation?: { readonly kind: string; readonly line: number };
  readonly gap?: string;
  readonly note: string;
}

function load(name: string): MemoryCase {
  const file = path.join(DIR, name);
  const header = parseHeader(readFileSync(file, 'utf8'));
  const expect = header.get('expect');
  if (expect !== 'yes' && expect !== 'no' && expect !== 'unknown')
    throw new Error(`${name}: bad expect ${expect}`);
  const reason = header.get('reason');
  if ((expect === 'unknown') !== (reason !== undefined))
    throw new Error(`${name}: a reason header goes with expect: unknown, and only with it`);
  const a = readCorpusArgs(
    header.get('args') ?? '',
    ['--function', '--property', '--data-model', '--max-unwind'],
    ['--malloc-may-fail', '--malloc-never-fails'],
  );
  const fn = argValue(a, '--function');
  const dataModel = argValue(a, '--data-model');
  const properties = a.get('--property') ?? [];
  const options: ProveOptions = {
    file,
    timeoutSeconds: 60,
    ...(fn !== undefined ? { function: fn } : {}),
    ...(properties.length > 0 ? { properties } : {}),
    ...(dataModel !== undefined ? { dataModel: dataModel as DataModel } : {}),
    ...(a.has('--malloc-never-fails') ? { mallocMayFail: false } : {}),
    ...(a.has('--malloc-may-fail') ? { mallocMayFail: true } : {}),
  };
  const v = header.get('violation');
  let violation: MemoryCase['violation'];
  if (v !== undefined) {
    const m = /^([a-z-]+)\s+(\d+)$/.exec(v);
    if (m === null) throw new Error(`${name}: bad violation header '${v}'`);
    violation = { kind: m[1], line: Number(m[2]) };
  }
  if (expect === 'no' && violation === undefined) throw new Error(`${name}: no without violation`);
  const gap = header.get('gap');
  return {
    name,
    expect,
    options,
    note: header.get('note') ?? '',
    ...(reason !== undefined ? { reason } : {}),
    ...(violation ? { violation } : {}),
    ...(gap !== undefined ? { gap } : {}),
  };
}

const names = readdirSync(DIR)
  .filter((f) => f.endsWith('.c'))
  .sort();

test('the memory corpus has at least 80 cases, yes and no, over every memory property', () => {
  assert.ok(names.length >= 80, `only ${names.length} cases`);
  const cases = names.map(load);
  assert.ok(cases.some((c) => c.expect === 'yes'));
  for (const kind of [
    'valid-deref',
    'valid-free',
    'valid-pointer-arith',
    'valid-pointer-compare',
    'valid-call',
    'valid-memtrack',
    'valid-memcleanup',
  ])
    assert.ok(
      cases.some((c) => c.violation?.kind === kind),
      `no case violates ${kind}`,
    );
});

// One case at a time: the machine's cores are shared with the other test files.
test('memory corpus cases', { concurrency: 1 }, async (t) => {
  await Promise.all(names.map((name) => t.test(`memory corpus: ${name}`, () => runCase(name))));
});

async function runCase(name: string): Promise<void> {
  {
    const c = load(name);
    const result = await prove(c.options);
    if (result.kind === 'bad-input')
      assert.fail(`${name}: bad input: ${result.diagnostics.map((d) => d.message).join('; ')}`);
    const v = result.verdict;
    const why =
      v.answer === 'unknown'
        ? `${v.reason.code}: ${v.reason.message}`
        : v.answer === 'no'
          ? `${v.witness.property.id} at line ${v.witness.property.span.startLine}: ${v.witness.property.description}`
          : 'yes';
    const context = `${name} (${c.note})\n  got ${v.answer}: ${why}`;
    if (c.gap !== undefined && v.answer === 'unknown') return;
    assert.equal(v.answer, c.expect, `wrong answer for ${context}`);
    if (v.answer === 'unknown')
      assert.equal(v.reason.code, c.reason, `wrong reason for ${context}`);
    if (v.answer === 'no' && c.violation !== undefined) {
      const p = v.witness.property;
      assert.equal(p.kind, c.violation.kind, `wrong property kind for ${context}`);
      // arc checks leaks where the program ends (main's return, exit), not where a block is lost.
      if (c.violation.kind !== 'valid-memtrack' && c.violation.kind !== 'valid-memcleanup')
        assert.equal(p.span.startLine, c.violation.line, `wrong line for ${context}`);
      assert.equal(v.witness.replay.interpreter, 'agrees', `interpreter replay for ${context}`);
      assert.notEqual(v.witness.replay.compiler, 'disagrees', `compiled replay for ${context}`);
    }
    if (v.answer === 'yes') {
      assert.ok(v.certificate.recheck.trim().length > 0, `certificate without recheck: ${context}`);
      for (const q of v.certificate.queries) assert.match(q.smtlib, /check-sat/);
    }
  }
}
