/**
 * k-induction with invariant strengthening (engine name `k-induction`).
 *
 * 1. Concrete runs (samples.ts) — a run that violates a selected property is
 *    returned at once as a counterexample (the trust gate replays it).
 * 2. Candidate invariants at each loop head, read off the states the runs
 *    reach there (candidates.ts).
 * 3. Houdini: candidates that are not initiated or not preserved by a pass
 *    between cutpoints (exact encoding of encoding/certificate.ts) are dropped
 *    until the rest is inductive — the strengthening invariant I.
 * 4. The properties are checked k-inductively relative to I for
 *    k = 1, 2, … (window.ts); k = 1 is plain induction, whose certificate is
 *    the Horn-clause engine's (initiation, consecution, safety). If that
 *    fails, products of two variables join the candidates and 2–4 run again.
 *
 * A `safe` result's queries are all unsat here, and the trust gate re-checks
 * them in a fresh context; the engine answers `unsafe` only with a concrete
 * run it has seen violate a property.
 */
import { Budget } from '../../core/budget.js';
import { performance } from 'node:perf_hooks';
import type { IrFunction, Type } from '../../ir/ir.js';
import { allVariables, isPrecise, usesMemory } from '../../ir/ir.js';
import type { CheckResult, Query, Term } from '../../smt/index.js';
import { boolSort, checkSat, conjunction, eq, mkVar, not, withoutArrays } from '../../smt/index.js';
import { trace } from '../../core/trace.js';
import type {
  CertificateQuery,
  Engine,
  EngineOptions,
  EngineResult,
  InvariantRawCertificate,
  RawWitness,
  UnknownCode,
} from '../engine.js';
import type { RegionView, ViewMode } from '../encoding/certificate.js';
import { certificateQueries, encodeView } from '../encoding/certificate.js';
import {
  certificateQuery,
  confirmInvariants,
  displayNames,
  invariantTexts,
} from '../encoding/confirm.js';
import { formatInvariant } from '../encoding/invariant-text.js';
import type { Regions } from '../encoding/regions.js';
import { buildRegions } from '../encoding/regions.js';
import type { Candidate, NumericVar } from './candidates.js';
import { candidatesAt, literalBounds } from './candidates.js';
import type { CellVar } from './cells.js';
import { cellCandidates } from './cells.js';
import type { SampleBudget, Samples } from '../testing/samples.js';
import {
  DEEP_RUN,
  LONG_RUNS,
  programConstants,
  sampleRuns,
  SHORT_RUNS,
} from '../testing/samples.js';
import { windowQueries } from './window.js';

/** Largest k tried. */
const MAX_K = 3;
/** Longest one Houdini or window query may take. */
const QUERY_MS = 3_000;
/** …or this share of the engine's budget, when that is more (a larger --timeout). */
const QUERY_SHARE = 0.3;
/** Products of two variables are tried only with at most this many variables at a loop head. */
const MAX_QUADRATIC_VARS = 5;

/**
 * Inductive invariants last found for a function's graph (keyed by its node
 * array, which `relaxUnchecked` keeps), by loop-head node: candidates for the
 * next question about the same code, never trusted without Houdini.
 */
const LEARNED = new WeakMap<readonly unknown[], ReadonlyMap<number, readonly Candidate[]>>();

class Stop {
  constructor(
    readonly code: UnknownCode,
    readonly message: string,
  ) {}
}

interface Context {
  readonly fn: IrFunction;
  readonly regions: Regions;
  readonly types: ReadonlyMap<string, Type>;
  readonly mode: ViewMode;
  readonly options: EngineOptions;
  readonly budget: Budget;
  /** Queries asked so far (numbers the dumped files). */
  readonly asked: { n: number };
}

export async function checkKInduction(
  fn: IrFunction,
  options: EngineOptions,
): Promise<EngineResult> {
  const budget = Budget.ofMs(options.timeoutMs, options.signal);
  const unknown = (code: UnknownCode, message: string): EngineResult => ({
    status: 'unknown',
    reason: { code, message },
    solverMs: budget.solverMs,
  });
  if (options.signal?.aborted === true) return unknown('cancelled', 'the check was cancelled');
  const built = buildRegions(fn);
  if (!built.ok) return unknown('unsupported', built.message);
  const regions = built.regions;
  if (regions.cutpoints.length === 1) {
    return unknown('unsupported', 'the function has no loop (bounded model checking decides it)');
  }
  const types = new Map(allVariables(fn).map((v) => [v.name, v.type]));
  const exact = regions.regions.every(
    (r) => encodeView(fn, r, options.properties, types, 'int') !== null,
  );
  const ctx: Context = {
    fn,
    regions,
    types,
    mode: exact ? 'int' : 'bv',
    options,
    budget,
    asked: { n: 0 },
  };
  const heads = new Set(regions.cutpoints.filter((c) => c.index > 0).map((c) => c.node));
  const shouldStop = (): boolean => budget.left() < 1 || options.signal?.aborted === true;
  const found = (w: RawWitness): EngineResult => ({
    status: 'unsafe',
    precise: isPrecise(fn, w.property),
    witness: w,
    solverMs: budget.solverMs,
  });
  // Invariants found for another question about the same code (the memory checks
  // a yes must not rest on) are tried first: Houdini re-checks them here.
  const seeds = LEARNED.get(fn.nodes);
  if (seeds !== undefined) {
    try {
      const sets = regions.cutpoints.map((c) => [...(seeds.get(c.node) ?? [])]);
      // They were inductive for a question whose runs include this one's (the
      // memory checks it now asks were run past): usually still a proof as
      // they are; the certificate's queries say so or not.
      const proved =
        (await proveWith(ctx, sets, false)) ??
        (await proveWith(ctx, await houdini(ctx, sets), false));
      trace('kind', () => `invariants learned before: ${proved === null ? 'no' : 'a'} proof`);
      if (proved !== null) return proved;
    } catch (e) {
      if (!(e instanceof Stop)) throw e;
    }
  }
  // Array contents matter to assertions; memory safety rarely rests on them.
  const contents = fn.properties.some(
    (p) => p.kind === 'assertion' && options.properties.has(p.id),
  );
  const samples = await sampleRuns(fn, heads, options.properties, SHORT_RUNS, shouldStop, contents);
  trace(
    'kind',
    () =>
      `${samples.runs} short runs, states ${[...samples.states.values()].map((s) => s.length).join('/')}`,
  );
  if (samples.violation !== null) return found(samples.violation);
  // Over memory, loop heads behind a long loop (100,000 elements) get their
  // states from one deep run, with at most a third of the time: it finds the
  // bugs at the end of such loops, and the states at those heads filter the
  // candidates there (Houdini's queries over memory grow with them).
  /** Runs of `kind`, with at most a third of the time left. */
  const runsForAThird = (kind: SampleBudget, cells: boolean): Promise<Samples> => {
    const until = performance.now() + budget.left() / 3;
    const stopHere = (): boolean => shouldStop() || performance.now() > until;
    return sampleRuns(fn, heads, options.properties, kind, stopHere, cells);
  };
  const states = new Map(samples.states);
  if (usesMemory(fn) && [...heads].some((h) => (states.get(h) ?? []).length === 0)) {
    const deep = await runsForAThird(DEEP_RUN, contents);
    trace(
      'kind',
      () =>
        `deep run: ${deep.violation === null ? 'no' : 'a'} violation, states ${[...deep.states.values()].map((s) => s.length).join('/')}`,
    );
    if (deep.violation !== null) return found(deep.violation);
    for (const [h, st] of deep.states)
      if ((states.get(h) ?? []).length === 0) states.set(h, [...st]);
  }
  // Bugs that need many iterations: long runs on boundary values, with at most
  // a third of the time left (done once, after the linear candidates failed).
  let longDone = false;
  const longRuns = async (): Promise<EngineResult | null> => {
    if (longDone || options.signal?.aborted === true) return null;
    longDone = true;
    const deep = await runsForAThird(LONG_RUNS, false);
    trace(
      'kind',
      () => `${deep.runs} long runs: ${deep.violation === null ? 'no' : 'a'} violation`,
    );
    return deep.violation === null ? null : found(deep.violation);
  };
  // Over memory, a loop head the short runs never reached (behind a loop over
  // 100,000 elements) borrows the states seen at the others: the objects, their
  // sizes and offsets are mostly the same there. They only filter candidates.
  const everywhere = [...states.values()].flat();
  const statesAt = (node: number): readonly (readonly bigint[])[] => {
    const own = states.get(node) ?? [];
    return own.length === 0 && usesMemory(fn) ? everywhere : own;
  };
  const candidatesFor = (quadratic: boolean): Candidate[][] =>
    regions.cutpoints.map((c) => {
      const vars = numeric(ctx, c.live);
      if (c.index === 0) return [];
      // Borrowed states say nothing about the counters there: those get only
      // the bounds the program's literals suggest.
      const borrowed = usesMemory(fn) && (states.get(c.node) ?? []).length === 0;
      const mined = borrowed ? vars.filter((v) => v.role !== undefined) : vars;
      const plain = candidatesAt(mined, statesAt(c.node), {
        quadratic: quadratic && vars.length <= MAX_QUADRATIC_VARS,
        constants: programConstants(fn),
        moduli: moduli(fn),
        lean: usesMemory(fn),
        fixedOnly: borrowed,
      });
      if (borrowed) plain.push(...literalBounds(vars.filter(isCounter), fn.literals ?? []));
      if (!contents || quadratic) return plain;
      const cells = cellCandidates(
        cellsAt(ctx, c.live),
        vars.filter(isCounter),
        states.get(c.node) ?? [],
        {
          constants: fn.literals ?? programConstants(fn),
          lengths: arrayLengths(fn, everywhere),
          ghostSlot: ghostSlot(fn),
        },
      );
      return [...plain, ...cells];
    });
  // Invariants Houdini kept in the linear round; the quadratic round adds only the products.
  let kept: Candidate[][] | null = null;
  const attempt = async (quadratic: boolean): Promise<EngineResult | null> => {
    let candidates = candidatesFor(quadratic);
    if (quadratic) {
      const products = candidates.map((cs) => cs.filter((c) => hasProduct(c.term)));
      if (products.every((cs) => cs.length === 0)) return null;
      candidates = products.map((cs, i) => [...(kept?.[i] ?? []), ...cs]);
    }
    trace(
      'kind',
      () => `candidates (quadratic ${quadratic}): ${candidates.map((c) => c.length).join('/')}`,
    );
    trace(
      'kind-candidates',
      () =>
        `candidates: ${candidates.map((cs) => cs.map((c) => formatInvariant(c.term, displayNames(fn), options.syntax)).join(' ; ')).join('\n | ')}`,
    );
    const survivors = await houdini(ctx, candidates);
    if (!quadratic) kept = survivors;
    LEARNED.set(fn.nodes, new Map(regions.cutpoints.map((c, i) => [c.node, survivors[i]])));
    trace('kind', () => `houdini kept ${survivors.map((c) => c.length).join('/')}`);
    const inductive = survivors;
    trace(
      'kind',
      () =>
        `inductive: ${inductive.map((cs) => cs.map((c) => formatInvariant(c.term, displayNames(fn), options.syntax)).join(' && ')).join(' | ')}`,
    );
    return proveWith(ctx, inductive);
  };
  const quadratic = regions.cutpoints.some(
    (c) => c.index > 0 && numeric(ctx, c.live).length <= MAX_QUADRATIC_VARS,
  );
  let why = `no invariant from the candidates makes the properties ${MAX_K}-inductive`;
  let code: UnknownCode = 'solver-unknown';
  for (const step of ['linear', 'long-runs', 'quadratic'] as const) {
    if (step === 'long-runs') {
      const bug = await longRuns();
      if (bug !== null) return bug;
      continue;
    }
    if (step === 'quadratic' && !quadratic) continue;
    try {
      const proved = await attempt(step === 'quadratic');
      if (proved !== null) return proved;
    } catch (e) {
      if (!(e instanceof Stop)) throw e;
      why = e.message;
      code = e.code;
      if (code === 'cancelled' || code === 'timeout') break;
    }
  }
  return (await longRuns()) ?? unknown(code, why);
}

/** A plain number of the program's own (not arc's memory bookkeeping, `$heap`, `$next`). */
function isCounter(v: NumericVar): boolean {
  return v.role === undefined && !v.name.startsWith('$');
}

/** Whether `t` multiplies two non-constant terms. */
function hasProduct(t: Term): boolean {
  if (t.kind !== 'app') return false;
  if (t.op === '*' && t.args.every((a) => a.kind !== 'const')) return true;
  return t.args.some(hasProduct);
}

/**
 * Numeric (integer or bit-vector) variables among `names`, with their slots
 * in the samples, then the observables of the live variables among them
 * (their slots follow the variables').
 */
function numeric(ctx: Context, names: readonly string[]): NumericVar[] {
  const order = allVariables(ctx.fn).map((v) => v.name);
  const live = new Set(names);
  const observables = ctx.fn.observables ?? [];
  const pointers = new Set(observables.map((o) => o.of));
  const vars: NumericVar[] = names
    .filter((n) => {
      const t = ctx.types.get(n);
      return t !== undefined && t.kind !== 'bool' && t.kind !== 'array';
    })
    .map((name) => ({
      name,
      slot: order.indexOf(name),
      ...(pointers.has(name) ? { role: 'pointer' as const } : {}),
    }));
  const observed: NumericVar[] = observables.flatMap((o, k) =>
    live.has(o.of) && o.role !== 'cell'
      ? [
          {
            name: o.name,
            slot: order.length + k,
            role: o.role,
            of: o.of,
          },
        ]
      : [],
  );
  return [...vars, ...observed];
}

/** The cell observables (`a[K]`) of the live variables among `names`, with their slots in the samples. */
function cellsAt(ctx: Context, names: readonly string[]): CellVar[] {
  const base = allVariables(ctx.fn).length;
  const live = new Set(names);
  return (ctx.fn.observables ?? []).flatMap((o, k) =>
    o.role === 'cell' && live.has(o.of) ? [{ name: o.name, slot: base + k }] : [],
  );
}

/**
 * The lengths (in elements) of the arrays with cell observables, as the
 * sampled states show them: each one's `OBJECT_SIZE` over its element size.
 */
function arrayLengths(fn: IrFunction, states: readonly (readonly bigint[])[]): bigint[] {
  const base = allVariables(fn).length;
  const observables = fn.observables ?? [];
  const out = new Set<bigint>();
  for (const cell of observables) {
    if (cell.role !== 'cell' || cell.expr.type.kind !== 'bv') continue;
    const bytes = BigInt(cell.expr.type.width / 8);
    const k = observables.findIndex((o) => o.of === cell.of && o.label === 'OBJECT_SIZE');
    if (k < 0) continue;
    for (const s of states.slice(0, 64)) {
      const size = s[base + k];
      if (size > 0n && size % bytes === 0n) out.add(size / bytes);
    }
  }
  return [...out].slice(0, 4);
}

/** The slot of the ghost index K in the samples: after the variables and the observables. */
function ghostSlot(fn: IrFunction): number {
  return allVariables(fn).length + (fn.observables ?? []).length;
}

/** Moduli for congruence candidates: the program's small constants (step sizes, divisors). */
function moduli(fn: IrFunction): bigint[] {
  const ms = programConstants(fn)
    .map((c) => (c < 0n ? -c : c))
    .filter((c) => c >= 3n && c <= 8n);
  return [...new Set(ms)].slice(0, 3);
}

/** One solver query of the engine: within the budget, cancellable, dumped when asked. */
async function ask(
  ctx: Context,
  query: Query,
  name: string,
  capMs: number,
  modelOf?: readonly string[],
): Promise<CheckResult> {
  const { options, budget } = ctx;
  const dir = options.dumpSmtDir;
  // The cap grows with the budget: on a busy machine a larger budget keeps the answer.
  const cap = Math.max(capMs, options.timeoutMs * QUERY_SHARE);
  const r = await checkSat(withoutArrays(query), {
    timeoutMs: Math.max(1, Math.min(cap, budget.left())),
    ...(modelOf === undefined ? {} : { modelOf }),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(dir === undefined ? {} : { dumpPath: `${dir}/k-induction-${name}-${ctx.asked.n++}.smt2` }),
  });
  budget.solverMs += r.solverMs;
  return r;
}

function stop(r: { status: string; reason?: string }, what: string): Stop {
  if (r.reason === 'cancelled') return new Stop('cancelled', 'the check was cancelled');
  if (r.reason === 'timeout') return new Stop('timeout', `ran out of time ${what}`);
  return new Stop('solver-unknown', `Z3 answered unknown (${r.reason ?? 'no reason'}) ${what}`);
}

/**
 * Drops candidates until the rest is inductive: for each pass between
 * cutpoints, a model that starts inside the current candidates and ends
 * outside one of them removes every candidate it falsifies.
 */
async function houdini(ctx: Context, candidates: Candidate[][]): Promise<Candidate[][]> {
  const views = ctx.regions.regions.map(
    (r) => encodeView(ctx.fn, r, ctx.options.properties, ctx.types, ctx.mode) as RegionView,
  );
  const current = candidates.map((cs) => [...cs].sort((a, b) => a.weight - b.weight));
  for (let changed = true; changed;) {
    changed = false;
    for (const [i, view] of views.entries()) {
      const pre = conjunction(
        current[i].map((c) => view.at(c.term, view.state)).filter((t): t is Term => t !== null),
      );
      for (const x of view.encoded.exits) {
        const target = current[x.to];
        if (target.length === 0) continue;
        const posts = target.map((c) => view.at(c.term, x.env));
        // A candidate this encoding cannot evaluate is no use: drop it.
        if (posts.some((p) => p === null)) {
          current[x.to] = target.filter((_, k) => posts[k] !== null);
          changed = true;
          continue;
        }
        const flags = posts.map((_, k) => mkVar(`houdini!${k}`, boolSort));
        const assertions = [
          ...view.facts,
          pre,
          x.guard,
          ...posts.map((p, k) => eq(flags[k], p as Term)),
          not(conjunction(flags)),
        ];
        const r = await ask(
          ctx,
          { assertions, comments: ['k-induction: Houdini pruning of candidate invariants'] },
          'houdini',
          QUERY_MS,
          flags.map((f) => f.name),
        );
        trace('kind', () => `houdini ${i}->${x.to}: ${r.status} (${r.solverMs.toFixed(0)} ms)`);
        if (r.status === 'unknown') throw stop(r, 'while strengthening the invariants');
        if (r.status === 'unsat') continue;
        const falsified = new Set(
          flags.flatMap((f, k) => (r.model?.get(f.name) === 0n ? [k] : [])),
        );
        if (falsified.size === 0) {
          throw new Stop('solver-unknown', 'the solver gave no model for a Houdini query');
        }
        current[x.to] = target.filter((_, k) => !falsified.has(k));
        changed = true;
      }
    }
  }
  return current;
}

const conjoin = (sets: readonly (readonly Candidate[])[]): Term[] =>
  sets.map((cs) => conjunction(cs.map((c) => c.term)));

/** Solver budget for making the invariants readable (dropping conjuncts a proof does not need). */
const TIDY_MS = 500;

/**
 * Drops every conjunct that the others imply (in the types' ranges): the
 * same set of states, written shorter. Simplest candidates are kept first.
 */
async function withoutImplied(ctx: Context, sets: Candidate[][]): Promise<Candidate[][]> {
  const views = ctx.regions.regions.map(
    (r) => encodeView(ctx.fn, r, ctx.options.properties, ctx.types, ctx.mode) as RegionView,
  );
  const until = performance.now() + Math.min(TIDY_MS, ctx.budget.left() / 4);
  const out: Candidate[][] = [];
  for (const [i, set] of sets.entries()) {
    let kept = [...set];
    const view = views[i];
    for (const c of [...set].sort((a, b) => b.weight - a.weight)) {
      if (performance.now() > until) break;
      const rest = kept.filter((d) => d !== c);
      const others = rest.map((d) => view.at(d.term, view.state));
      const self = view.at(c.term, view.state);
      if (self === null || others.some((o) => o === null)) continue;
      const r = await ask(
        ctx,
        {
          assertions: [...view.facts, ...(others as Term[]), not(self)],
          comments: ['k-induction: is this conjunct implied by the others?'],
        },
        'implied',
        500,
      );
      if (r.status === 'unsat') kept = rest;
    }
    out.push(kept);
  }
  return out;
}

/**
 * Drops conjuncts the proof does not need (the certificate queries stay
 * unsat without them), least simple first, within a small budget: first a
 * whole class of candidates at once (all relational bounds, all orders, …),
 * then one by one.
 */
async function necessaryOnly(ctx: Context, sets: Candidate[][]): Promise<Candidate[][]> {
  const until = performance.now() + Math.min(TIDY_MS, ctx.budget.left() / 4);
  let current = sets.map((s) => [...s]);
  const stillProves = async (trial: Candidate[][]): Promise<boolean> => {
    const drafts = certificateQueries(ctx.fn, ctx.regions, conjoin(trial), ctx.options.properties);
    if (drafts === null) return false;
    for (const d of drafts) {
      if (performance.now() > until) return false;
      const r = await ask(
        ctx,
        {
          assertions: d.assertions,
          comments: [`k-induction: without some conjuncts, ${d.meaning}?`],
        },
        'necessary',
        Math.min(500, until - performance.now()),
      );
      if (r.status !== 'unsat') return false;
    }
    return true;
  };
  const weights = [...new Set(current.flat().map((c) => c.weight))].sort((a, b) => b - a);
  for (const w of weights) {
    const trial = current.map((set) => set.filter((c) => c.weight !== w));
    if (trial.some((set, i) => set.length !== current[i].length) && (await stillProves(trial)))
      current = trial;
  }
  const order = current
    .flatMap((set, i) => set.map((c) => ({ i, c })))
    .sort((a, b) => b.c.weight - a.c.weight);
  for (const { i, c } of order) {
    if (performance.now() > until) break;
    const trial = current.map((set, j) => (j === i ? set.filter((d) => d !== c) : set));
    if (await stillProves(trial)) current = trial;
  }
  return current;
}

/** A proof with the invariants for some k ≤ MAX_K, or null; `tidy`: shorten a k = 1 proof's invariants. */
async function proveWith(
  ctx: Context,
  sets: Candidate[][],
  tidy = true,
): Promise<EngineResult | null> {
  const { fn, regions, options, budget } = ctx;
  const invariants = conjoin(sets);
  const one = await confirmInvariants(fn, regions, invariants, options, budget, 'k-induction', 1);
  if (one.ok) {
    const safe = (certificate: InvariantRawCertificate): EngineResult => ({
      status: 'safe',
      sound: true,
      certificate,
      solverMs: budget.solverMs,
    });
    trace('kind', () => 'k = 1 proof found');
    // Over memory a yes is followed by the memory checks it must not rest on
    // (prove.ts): shortening the invariants waits when half the time is gone.
    const late = usesMemory(fn) && budget.left() < options.timeoutMs / 2;
    if (!tidy || late) return safe(one.certificate);
    const small = await necessaryOnly(ctx, await withoutImplied(ctx, sets));
    trace('kind', () => `necessary: ${small.map((c) => c.length).join('/')}`);
    if (small.every((set, i) => set.length === sets[i].length)) return safe(one.certificate);
    const again = await confirmInvariants(
      fn,
      regions,
      conjoin(small),
      options,
      budget,
      'k-induction',
      1,
    );
    return safe(again.ok ? again.certificate : one.certificate);
  }
  if (!/safety/.test(one.why)) return null;
  for (let k = 2; k <= MAX_K; k++) {
    if (budget.left() < 50)
      throw new Stop('timeout', 'ran out of time in the k-induction step case');
    const w = windowQueries(fn, regions, invariants, options.properties, ctx.types, ctx.mode, k);
    if (w === null) return null;
    const step = await unsat(ctx, w.step, `k-induction step case, k = ${k}`);
    trace('kind', () => `step case k = ${k}: ${step}`);
    if (step === 'sat') continue;
    const base =
      w.base === null ? 'unsat' : await unsat(ctx, w.base, `k-induction base case, k = ${k}`);
    // A bad state within k − 1 passes is a real violation: bounded model checking reports it.
    if (base === 'sat') return null;
    return certificate(ctx, invariants, k, w.base ?? [], w.step);
  }
  return null;
}

async function unsat(
  ctx: Context,
  assertions: readonly Term[],
  what: string,
): Promise<'unsat' | 'sat'> {
  const r = await ask(ctx, { assertions, comments: [what] }, 'window', QUERY_MS);
  if (r.status === 'unknown') throw stop(r, `in the ${what}`);
  return r.status;
}

/** The certificate for k > 1: the invariants' initiation and consecution, then base and step. */
async function certificate(
  ctx: Context,
  invariants: readonly Term[],
  k: number,
  base: readonly Term[],
  step: readonly Term[],
): Promise<EngineResult | null> {
  const { fn, regions, options, budget } = ctx;
  const drafts = certificateQueries(fn, regions, invariants, new Set());
  if (drafts === null) return null;
  const queries: CertificateQuery[] = [];
  const all = [
    ...drafts.map((d) => ({ meaning: d.meaning, assertions: d.assertions })),
    ...(base.length > 0
      ? [
          {
            meaning: `no run violates a checked property in its first ${k - 1} pass(es) between loop heads (base case, k = ${k})`,
            assertions: base,
          },
        ]
      : []),
    {
      meaning: `${k} consecutive passes inside the invariants, the first ${k - 1} without a violation, are never followed by one (safety: the k-induction step case, k = ${k})`,
      assertions: step,
    },
  ];
  for (const q of all) {
    const query = withoutArrays({
      assertions: q.assertions,
      comments: [`k-induction certificate: ${q.meaning}`],
    });
    const r = await ask(ctx, query, 'certificate', budget.left());
    if (r.status !== 'unsat') return null;
    queries.push(certificateQuery(q.meaning, query, r.solverMs));
  }
  return {
    status: 'safe',
    sound: true,
    solverMs: budget.solverMs,
    certificate: {
      kind: 'invariant',
      engine: 'k-induction',
      k,
      invariants: invariantTexts(fn, regions, invariants, options.syntax),
      queries,
    },
  };
}

export const kInductionEngine: Engine = {
  name: 'k-induction',
  question: 'safety',
  check: checkKInduction,
};
