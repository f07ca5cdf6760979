/**
 * Shared by the termination corpus and contract tests: lowering a case the
 * way `terminates` does, and replaying a `no` answer's witness in arc's IR
 * interpreter, independently of the engine's own replay.
 */
import type { Value } from '../../src/ir/value.js';
import { lowerCFile } from '../../src/frontends/c/index.js';
import type { FrontendResult } from '../../src/frontends/frontend.js';
import { lowerPythonFile } from '../../src/frontends/python/index.js';
import type { IrFunction, PropertyKind } from '../../src/ir/ir.js';
import { runFunction } from '../../src/semantics/interpreter.js';
import type { RunOutcome } from '../../src/semantics/outcome.js';
import type { Counterexample, Verdict } from '../../src/verdict/verdict.js';

export type Semantics = 'c' | 'math';

/** Lowers `file` with the options `terminates` uses (LP64, no returns-true property). */
export async function lowerEntry(
  file: string,
  entry: string,
  semantics: Semantics,
): Promise<IrFunction> {
  const lowered: FrontendResult = file.endsWith('.py')
    ? await lowerPythonFile(file, { entry, returnsTrue: false })
    : await lowerCFile(file, { dataModel: 'LP64', entry, returnsTrue: false, semantics });
  if (!lowered.ok) {
    const why = lowered.diagnostics.map((d) => `${d.code}: ${d.message}`).join('; ');
    throw new Error(`${file}: cannot lower ${entry}: ${why}`);
  }
  const fn = lowered.program.functions.get(entry);
  if (fn === undefined) throw new Error(`${file}: ${entry} is missing from the lowered program`);
  return fn;
}

/**
 * The witness inputs by IR parameter name. The counterexample names inputs
 * by their source names; every parameter must get exactly one decimal value.
 */
export function witnessInputs(fn: IrFunction, cx: Counterexample): Map<string, bigint> {
  const inputs = new Map<string, bigint>();
  for (const input of cx.inputs) {
    const params = fn.params.filter((p) => p.sourceName === input.name);
    if (params.length !== 1) {
      throw new Error(
        `witness input '${input.name}' matches ${params.length} parameters of ${fn.name} ` +
          `(parameters: ${fn.params.map((p) => p.sourceName).join(', ') || 'none'})`,
      );
    }
    if (!/^-?\d+$/.test(input.text) || input.value !== BigInt(input.text)) {
      throw new Error(`witness input ${input.name} = '${input.text}' is not a decimal`);
    }
    if (inputs.has(params[0].name)) throw new Error(`witness input '${input.name}' given twice`);
    inputs.set(params[0].name, BigInt(input.text));
  }
  for (const p of fn.params) {
    if (!inputs.has(p.name))
      throw new Error(`the witness has no value for parameter ${p.sourceName}`);
  }
  return inputs;
}

/** The witness's nondeterministic values, in order. */
export function witnessNondet(cx: Counterexample): Value[] {
  return cx.nondet.map((n) => {
    // Memory (an array) is given as a map value; its text is for people.
    if (typeof n.value !== 'bigint' && n.value.kind === 'map') return n.value;
    if (!/^-?\d+$/.test(n.text) || n.value !== BigInt(n.text)) {
      throw new Error(`nondet value '${n.text}' of ${n.source} is not a decimal`);
    }
    return BigInt(n.text);
  });
}

/** Runs `fn` on a `no` answer's witness (inputs and nondet values) in the interpreter. */
export function replayWitness(fn: IrFunction, cx: Counterexample, maxSteps: number): RunOutcome {
  return runFunction(fn, witnessInputs(fn, cx), witnessNondet(cx), {
    maxSteps,
    recordPath: false,
  });
}

/** The kind of the property a `violated` outcome names. */
export function violatedKind(fn: IrFunction, outcome: RunOutcome): PropertyKind | undefined {
  if (outcome.kind !== 'violated') return undefined;
  return fn.properties.find((p) => p.id === outcome.property)?.kind;
}

/** A verdict in a few lines, for assertion messages. */
export function describeVerdict(v: Verdict): string {
  const parts = [`answer ${v.answer}: ${v.explanation}`];
  switch (v.answer) {
    case 'unknown':
      parts.push(`reason ${v.reason.code}: ${v.reason.message}`);
      break;
    case 'no': {
      const cx = v.witness;
      parts.push(
        `property ${cx.property.id} (${cx.property.kind}); inputs ` +
          `${cx.inputs.map((i) => `${i.name}=${i.value}`).join(', ') || 'none'}; nondet ` +
          `${cx.nondet.map((n) => n.value).join(', ') || 'none'}; replay ` +
          `${cx.replay.interpreter}/${cx.replay.compiler} ${cx.replay.detail ?? ''}`,
      );
      if (cx.nonTermination !== undefined) {
        const nt = cx.nonTermination;
        parts.push(`${nt.kind}: ${nt.sets.map((s) => s.set).join(' ; ')}`);
      }
      break;
    }
    case 'yes': {
      const cert = v.certificate;
      if (cert.kind === 'termination') {
        parts.push(
          `loops: ${cert.loops.map((l) => `${l.kind} [${l.components.join(', ')}]`).join('; ') || 'none'}`,
        );
      } else {
        parts.push(`certificate of kind ${cert.kind}`);
      }
      break;
    }
  }
  return parts.join('\n  ');
}
