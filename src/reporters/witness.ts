/**
 * SV-COMP verification witnesses, YAML format 2.0 (sosy-lab/sv-witnesses:
 * correctness-witness-schema.yml and violation-witness-schema.yml), written
 * from a verdict of `arc prove`:
 *
 * - a **yes** becomes one `invariant_set` entry: a `loop_invariant` per loop
 *   invariant of the certificate, located at the loop's keyword (`while`,
 *   `for`, `do`), with the invariant as a `c_expression`. A certificate
 *   without invariants (bounded model checking of a loop-free or fully
 *   unwound program) gives `content: []`: the schema's prose speaks of "one
 *   or more invariant elements" but the schema sets no minimum, and
 *   verifiers (Goblint's witnesses in SV-COMP) write `content: []` too.
 * - a **no** becomes one `violation_sequence` entry: for an entry function
 *   with parameters, first an `assumption` (a `c_expression`) on their values
 *   at the first statement of its body; then one segment per
 *   `__VERIFIER_nondet_*` value whose call site is known, each a
 *   `function_return` waypoint at the `)` of the call with the constraint
 *   `\result == v` (format `acsl_expression`: the only form format 2.0 allows
 *   for `function_return`; `assumption` waypoints take C expressions over
 *   program variables, where `\result` does not exist), then the final
 *   segment with the `target` waypoint at the first character of the
 *   statement (or full expression) whose evaluation is followed by the
 *   violation. For a failing `__VERIFIER_assert(c)` defined in the file, a
 *   `function_enter` waypoint at the call's `)` comes first and the target is
 *   the error call inside `__VERIFIER_assert`.
 *
 * Lines and columns are 1-based (format 2.0). Waypoints are only ever left
 * out, never guessed: a value whose call site cannot be placed exactly ends
 * the list of `function_return` waypoints (fewer waypoints describe more
 * executions, still including the violating one).
 */
import { isScalar, type Value } from '../ir/value.js';
import { createHash, randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { stringify } from 'yaml';
import type { SourceSpan } from '../core/diagnostic.js';
import type { IrProgram, PropertyKind } from '../ir/ir.js';
import type {
  InputValue,
  NondetValue,
  NoVerdict,
  Verdict,
  YesVerdict,
} from '../verdict/verdict.js';
import { CSource } from './c-source.js';

const WITNESS_FORMAT_VERSION = '2.0';

export interface WitnessLocation {
  readonly file_name: string;
  readonly line: number;
  readonly column?: number;
  readonly function?: string;
}

export interface WitnessMetadata {
  readonly format_version: string;
  readonly uuid: string;
  readonly creation_time: string;
  readonly producer: { readonly name: string; readonly version: string };
  readonly task: {
    readonly input_files: readonly string[];
    readonly input_file_hashes: Readonly<Record<string, string>>;
    readonly specification: string;
    readonly data_model: 'ILP32' | 'LP64';
    readonly language: 'C';
  };
}

export interface InvariantItem {
  readonly invariant: {
    readonly type: 'loop_invariant';
    readonly location: WitnessLocation;
    readonly value: string;
    readonly format: 'c_expression';
  };
}

export interface Waypoint {
  readonly type: 'assumption' | 'target' | 'function_enter' | 'function_return' | 'branching';
  readonly action: 'follow';
  readonly location: WitnessLocation;
  readonly constraint?: {
    readonly value: string;
    readonly format?: 'c_expression' | 'acsl_expression';
  };
}

export interface SegmentItem {
  readonly segment: readonly { readonly waypoint: Waypoint }[];
}

export type WitnessEntry =
  | {
      readonly entry_type: 'invariant_set';
      readonly metadata: WitnessMetadata;
      readonly content: readonly InvariantItem[];
    }
  | {
      readonly entry_type: 'violation_sequence';
      readonly metadata: WitnessMetadata;
      readonly content: readonly SegmentItem[];
    };

/** The verification task the verdict answers. */
export interface WitnessTask {
  /** The C file as named on the command line: `task.input_files` and every `location.file_name`. */
  readonly inputFile: string;
  /** The language its front-end reads it as: SV-COMP witnesses are for C. */
  readonly language: IrProgram['language'];
  /** Its contents, exactly as on disk (hashed with SHA-256, and read to place locations). */
  readonly source: string | Buffer;
  /** The entry function (`init(F())` in the specification); default `main`. */
  readonly entryFunction: string;
  readonly dataModel: 'ILP32' | 'LP64';
  /** The property kinds the run checked: the specification of a yes witness. */
  readonly checkedKinds: readonly PropertyKind[];
}

export interface WitnessOptions {
  readonly producer?: { readonly name: string; readonly version: string };
  /** For reproducible output in tests. */
  readonly now?: Date;
  readonly uuid?: string;
}

export type WitnessResult =
  | {
      readonly ok: true;
      readonly entry: WitnessEntry;
      /** The file's text: a YAML list holding the one entry. */
      readonly yaml: string;
      /** What the witness leaves out, and why (for stderr). */
      readonly notes: readonly string[];
    }
  | { readonly ok: false; readonly reason: string };

/** The witness for a yes or a no; for don't know (or a property SV-COMP has no specification for), the reason there is none. */
export function buildWitness(
  verdict: Verdict,
  task: WitnessTask,
  options: WitnessOptions = {},
): WitnessResult {
  if (verdict.answer === 'unknown') {
    return { ok: false, reason: "the answer is don't know: there is nothing to witness" };
  }
  if (task.language !== 'c') {
    return { ok: false, reason: 'SV-COMP witnesses are for C programs' };
  }
  const text = typeof task.source === 'string' ? task.source : task.source.toString('utf8');
  const context: Context = {
    task,
    source: new CSource(text),
    notes: [],
  };
  const kinds = verdict.answer === 'no' ? [verdict.witness.property.kind] : task.checkedKinds;
  const specification = specificationFor(kinds, task.entryFunction, text);
  if (specification.lines.length === 0) {
    return {
      ok: false,
      reason: `SV-COMP has no specification for ${describeKinds(kinds)} (witnesses cover unreach-call and no-overflow)`,
    };
  }
  if (verdict.answer === 'yes' && specification.uncovered.length > 0) {
    context.notes.push(
      `the witness's specification covers ${specification.names.join(' and ')}; ${describeKinds(specification.uncovered)} (also proved) have no SV-COMP specification`,
    );
  }
  const metadata = metadataFor(task, specification.lines.join('\n'), options);
  const entry: WitnessEntry =
    verdict.answer === 'yes'
      ? { entry_type: 'invariant_set', metadata, content: invariantsOf(verdict, context) }
      : { entry_type: 'violation_sequence', metadata, content: segmentsOf(verdict, context) };
  return {
    ok: true,
    entry,
    yaml: stringify([entry], { lineWidth: 0, version: '1.1' }),
    notes: context.notes,
  };
}

interface Context {
  readonly task: WitnessTask;
  readonly source: CSource;
  readonly notes: string[];
}

const SPEC_NAMES: Partial<Record<PropertyKind, string>> = {
  assertion: 'unreach-call',
  'error-call': 'unreach-call',
  overflow: 'no-overflow',
  termination: 'termination',
};

function specificationFor(
  kinds: readonly PropertyKind[],
  entry: string,
  text: string,
): { lines: string[]; names: string[]; uncovered: PropertyKind[] } {
  // Tasks from before 2020 call __VERIFIER_error() where current ones call reach_error().
  const errorCall =
    /\b__VERIFIER_error\s*\(/.test(text) && !/\breach_error\s*\(/.test(text)
      ? '__VERIFIER_error'
      : 'reach_error';
  const formula: Record<string, string> = {
    'unreach-call': `G ! call(${errorCall}())`,
    'no-overflow': 'G ! overflow',
    termination: 'F end',
  };
  const names: string[] = [];
  const uncovered: PropertyKind[] = [];
  for (const kind of kinds) {
    const name = SPEC_NAMES[kind];
    if (name === undefined) {
      if (!uncovered.includes(kind) && kind !== 'unwinding') uncovered.push(kind);
    } else if (!names.includes(name)) names.push(name);
  }
  const order = ['unreach-call', 'no-overflow', 'termination'];
  names.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return {
    lines: names.map((n) => `CHECK( init(${entry}()), LTL(${formula[n]}) )`),
    names,
    uncovered,
  };
}

function describeKinds(kinds: readonly PropertyKind[]): string {
  return kinds.length === 0 ? 'no property' : kinds.join(', ');
}

function metadataFor(
  task: WitnessTask,
  specification: string,
  options: WitnessOptions,
): WitnessMetadata {
  const hash = createHash('sha256').update(task.source).digest('hex');
  return {
    format_version: WITNESS_FORMAT_VERSION,
    uuid: options.uuid ?? randomUUID(),
    creation_time: (options.now ?? new Date()).toISOString(),
    producer: options.producer ?? { name: 'arc', version: 'unknown' },
    task: {
      input_files: [task.inputFile],
      input_file_hashes: { [task.inputFile]: hash },
      specification,
      data_model: task.dataModel,
      language: 'C',
    },
  };
}

/** Whether a span is in the task's input file (spans name the file as arc read it). */
function inInput(ctx: Context, span: SourceSpan): boolean {
  return span.file === ctx.task.inputFile || resolve(span.file) === resolve(ctx.task.inputFile);
}

function location(ctx: Context, offset: number, fn?: string): WitnessLocation {
  const { line, column } = ctx.source.lineColOf(offset);
  const name = fn ?? ctx.source.functionAt(offset);
  return {
    file_name: ctx.task.inputFile,
    line,
    column,
    ...(name === undefined ? {} : { function: name }),
  };
}

function invariantsOf(verdict: YesVerdict, ctx: Context): InvariantItem[] {
  const certificate = verdict.certificate;
  if (certificate.kind === 'bmc') return [];
  const items: InvariantItem[] = [];
  for (const inv of certificate.invariants) {
    if (!inInput(ctx, inv.loop)) {
      ctx.notes.push(
        `left out the invariant of the loop at ${spanText(inv.loop)}: not in the input file`,
      );
      continue;
    }
    const at = ctx.source.offsetOf(inv.loop.startLine, inv.loop.startCol);
    const keyword = at === undefined ? undefined : ctx.source.loopKeyword(at);
    // The function around the loop in the text; the certificate's name when the text does not say.
    const fn =
      (at === undefined ? undefined : ctx.source.functionAt(at)) ??
      ('function' in inv ? inv.function : undefined);
    let where: WitnessLocation;
    if (keyword === undefined) {
      // Without a column the location means the leftmost suitable position on the line.
      where = {
        file_name: ctx.task.inputFile,
        line: inv.loop.startLine,
        ...(fn === undefined ? {} : { function: fn }),
      };
      ctx.notes.push(
        `the loop at ${spanText(inv.loop)} has no while/for/do keyword where expected: its invariant names the line only`,
      );
    } else {
      where = location(ctx, keyword, fn);
    }
    items.push({
      invariant: {
        type: 'loop_invariant',
        location: where,
        value: inv.invariant,
        format: 'c_expression',
      },
    });
  }
  return items;
}

function spanText(span: SourceSpan): string {
  return `${span.file}:${span.startLine}:${span.startCol}`;
}

const NONDET_CALL = /\b__VERIFIER_nondet_[A-Za-z0-9_]+(?=\s*\()/g;

function segmentsOf(verdict: NoVerdict, ctx: Context): SegmentItem[] {
  const cx = verdict.witness;
  const waypoints: Waypoint[] = [
    ...parameterWaypoints(cx.inputs, ctx),
    ...nondetWaypoints(cx.nondet, cx.path, ctx),
  ];
  waypoints.push(...targetWaypoints(verdict, ctx));
  return waypoints.map((waypoint) => ({ segment: [{ waypoint }] }));
}

/**
 * An entry function with parameters (`--function F`): an `assumption` at the
 * first statement of its body fixing each parameter's value.
 */
function parameterWaypoints(inputs: readonly InputValue[], ctx: Context): Waypoint[] {
  if (inputs.length === 0) return [];
  const body = ctx.source.functionBody(ctx.task.entryFunction);
  const first = body === undefined ? undefined : ctx.source.firstStatement(body.open);
  if (first === undefined) {
    ctx.notes.push(
      `the parameters of ${ctx.task.entryFunction} have no waypoint: its body was not found`,
    );
    return [];
  }
  const literals = inputs.map((i) => ({ name: i.name, literal: cLiteral(i.value, i.type) }));
  if (literals.some((l) => l.literal === null)) {
    ctx.notes.push(
      `the parameters of ${ctx.task.entryFunction} have no waypoint: a witness constraint holds scalar values only`,
    );
    return [];
  }
  const value = literals.map((l) => `${l.name} == ${l.literal}`).join(' && ');
  return [
    {
      type: 'assumption',
      action: 'follow',
      location: location(ctx, first, ctx.task.entryFunction),
      constraint: { value, format: 'c_expression' },
    },
  ];
}

/** A C constant with the value: unsigned types get `U`; the one negative value without a positive counterpart is written as a difference. */
/** A scalar as a C literal of `type`; null for a value that is not a scalar. */
export function cLiteral(value: Value, type: string): string | null {
  if (!isScalar(value)) return null;
  const v = value;
  const unsigned = /\bunsigned\b|\b_Bool\b|\bbool\b|\buint\d+_t\b|\bsize_t\b/.test(type);
  if (unsigned && v >= 0n) return `${v}U`;
  if (v < -(2n ** 63n - 1n)) return `(${v + 1n}LL - 1)`;
  return v < 0n ? `(${v})` : String(v);
}

/** A `__VERIFIER_nondet_*` value and the offset of the `)` of the call that produced it. */
interface PlacedValue {
  readonly value: NondetValue;
  readonly rparen: number;
}

function nondetWaypoints(
  values: readonly NondetValue[],
  path: readonly { readonly line: number }[],
  ctx: Context,
): Waypoint[] {
  const nondet = values.filter((v) => v.source.startsWith('__VERIFIER_nondet_'));
  const placed = placeNondet(nondet, path, ctx);
  if (placed.length < nondet.length) {
    ctx.notes.push(
      `${nondet.length - placed.length} of ${nondet.length} nondeterministic values have no function_return waypoint: their call sites are not known exactly`,
    );
  }
  return placed.map(({ value, rparen }) => ({
    type: 'function_return',
    action: 'follow',
    location: location(ctx, rparen),
    constraint: { value: `\\result == ${value.text}`, format: 'acsl_expression' },
  }));
}

/**
 * The call site of each value, in order, as far as it is known exactly:
 * 1. a `span` on the value (the call expression), when the verdict carries one;
 * 2. else the calls on the counterexample path's lines, when they are exactly
 *    as many as the values and call the same functions in the same order;
 * 3. else, value by value, the function's only call site in the file.
 */
function placeNondet(
  nondet: readonly NondetValue[],
  path: readonly { readonly line: number }[],
  ctx: Context,
): PlacedValue[] {
  const bySpan: PlacedValue[] = [];
  for (const value of nondet) {
    const span = (value as NondetValue & { readonly span?: SourceSpan }).span;
    if (span === undefined || !inInput(ctx, span)) break;
    const start = ctx.source.offsetOf(span.startLine, span.startCol);
    const call =
      start === undefined
        ? undefined
        : ctx.source.calls(value.source, start, start + 1).find((c) => c.start === start);
    if (call === undefined) break;
    bySpan.push({ value, rparen: call.rparen });
  }
  if (bySpan.length === nondet.length) return bySpan;

  const onPath: { name: string; rparen: number }[] = [];
  for (const step of path) {
    const names = new Set(
      [...ctx.source.codeLine(step.line).matchAll(NONDET_CALL)].map((m) => m[0]),
    );
    const calls = [...names]
      .flatMap((name) => ctx.source.callsOnLine(step.line, name).map((c) => ({ name, ...c })))
      .sort((a, b) => a.start - b.start);
    onPath.push(...calls.map((c) => ({ name: c.name, rparen: c.rparen })));
  }
  if (onPath.length === nondet.length && onPath.every((c, i) => c.name === nondet[i].source)) {
    return nondet.map((value, i) => ({ value, rparen: onPath[i].rparen }));
  }

  const placed: PlacedValue[] = [];
  for (const value of nondet) {
    const sites = ctx.source.calls(value.source);
    if (sites.length !== 1) break;
    placed.push({ value, rparen: sites[0].rparen });
  }
  return placed;
}

const ERROR_FUNCTIONS = ['reach_error', '__VERIFIER_error'];

function targetWaypoints(verdict: NoVerdict, ctx: Context): Waypoint[] {
  const property = verdict.witness.property;
  const span = property.span;
  const offset = inInput(ctx, span)
    ? ctx.source.offsetOf(span.startLine, span.startCol)
    : undefined;
  if (offset === undefined) {
    ctx.notes.push(
      `the violated property's location ${spanText(span)} is not in the input file: the target names the entry function's first line`,
    );
    const body = ctx.source.functionBody(ctx.task.entryFunction);
    const at = body === undefined ? 0 : body.open;
    return [{ type: 'target', action: 'follow', location: location(ctx, at) }];
  }
  // A failing `__VERIFIER_assert(c)` that the file defines: the violation is its error call.
  const assertCall =
    property.kind === 'assertion'
      ? ctx.source.calls('__VERIFIER_assert', offset, offset + 1).find((c) => c.start === offset)
      : undefined;
  const body = ctx.source.functionBody('__VERIFIER_assert');
  if (assertCall !== undefined && body !== undefined) {
    const errorCalls = ERROR_FUNCTIONS.flatMap((name) =>
      ctx.source.calls(name, body.open, body.close),
    );
    if (errorCalls.length === 1) {
      return [
        { type: 'function_enter', action: 'follow', location: location(ctx, assertCall.rparen) },
        {
          type: 'target',
          action: 'follow',
          location: location(
            ctx,
            ctx.source.statementStart(errorCalls[0].start),
            '__VERIFIER_assert',
          ),
        },
      ];
    }
  }
  return [
    {
      type: 'target',
      action: 'follow',
      location: location(ctx, ctx.source.statementStart(offset)),
    },
  ];
}
