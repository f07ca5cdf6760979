/**
 * Test helpers for the Python front-end: lowering inline sources and running
 * the IR through arc's interpreter.
 */
import type { Value } from '../../../src/ir/value.js';
import assert from 'node:assert/strict';
import type { Diagnostic } from '../../../src/core/diagnostic.js';
import {
  lowerPythonSource,
  type PyFrontendOptions,
  type PyFrontendResult,
} from '../../../src/frontends/python/index.js';
import type { IrFunction } from '../../../src/ir/ir.js';
import { runFunction } from '../../../src/semantics/interpreter.js';
import type { RunOutcome } from '../../../src/semantics/outcome.js';

const FILE = '/tmp/arc-test/t.py';

export async function lower(src: string, opts: PyFrontendOptions = {}): Promise<PyFrontendResult> {
  return lowerPythonSource(FILE, src, opts);
}

export async function lowerFn(
  src: string,
  entry: string,
  opts: PyFrontendOptions = {},
): Promise<IrFunction> {
  const r = await lower(src, { ...opts, entry });
  if (!r.ok) assert.fail(`lowering failed: ${r.diagnostics.map((d) => d.message).join('; ')}`);
  const fn = r.program.functions.get(entry);
  assert.ok(fn, `no function ${entry}`);
  return fn;
}

export async function lowerFails(src: string, entry?: string): Promise<Diagnostic[]> {
  const r = await lower(src, entry === undefined ? {} : { entry });
  assert.equal(r.ok, false, 'expected lowering to fail');
  return r.diagnostics;
}

export function run(fn: IrFunction, ...args: bigint[]): RunOutcome {
  return runFunction(fn, new Map(fn.params.map((p, i) => [p.name, args[i]])), []);
}

/** The returned value, or a description of how the run ended otherwise. */
export function result(fn: IrFunction, ...args: bigint[]): Value | null | string {
  const o = run(fn, ...args);
  if (o.kind === 'returned') return o.value;
  if (o.kind === 'violated') return `violated ${o.property}`;
  return o.kind;
}

/** Python's `//` and `%` on integers. */
export function pyFloorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}
export function pyMod(a: bigint, b: bigint): bigint {
  return a - b * pyFloorDiv(a, b);
}

export function range(lo: number, hi: number): bigint[] {
  const out: bigint[] = [];
  for (let i = lo; i <= hi; i++) out.push(BigInt(i));
  return out;
}
