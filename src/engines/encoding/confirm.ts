/**
 * Invariants turned into a checked certificate: the initiation, consecution
 * and safety queries of certificate.ts are asked here and must all be unsat
 * before an engine (Spacer's `chc`, `k-induction`) may report `safe`; the
 * verdict layer then re-checks them again independently. The invariants are
 * printed for the user in the source language's syntax.
 */
import type { IrFunction } from '../../ir/ir.js';
import type { SourceSyntax } from '../../ir/syntax.js';
import { allVariables, GHOST_INDEX } from '../../ir/ir.js';
import type { Term } from '../../smt/index.js';
import { and, checkSat, toSmtlib, withoutArrays } from '../../smt/index.js';
import { termToInfix } from '../../smt/infix.js';
import type { CertificateQuery, EngineOptions, InvariantRawCertificate } from '../engine.js';
import { certificateQueries } from './certificate.js';
import { formatInvariant } from './invariant-text.js';
import type { Regions } from './regions.js';

/** Display names for the IR variables (source names, unless two would clash). */
export function displayNames(fn: IrFunction): (v: string) => string {
  const vars = allVariables(fn);
  const count = new Map<string, number>();
  for (const v of vars) count.set(v.sourceName, (count.get(v.sourceName) ?? 0) + 1);
  const show = new Map(
    vars.map((v) => [v.name, (count.get(v.sourceName) ?? 0) > 1 ? v.name : v.sourceName]),
  );
  for (const o of fn.observables ?? [])
    show.set(
      o.name,
      o.role === 'cell' ? `${show.get(o.of) ?? o.of}[K]` : `${o.label}(${show.get(o.of) ?? o.of})`,
    );
  show.set(GHOST_INDEX, 'K');
  return (name) => {
    const ir = name.startsWith('v!') ? name.slice(2) : name;
    return show.get(ir) ?? ir;
  };
}

/** Confirms the drafts are unsat here; returns the certificate, or a reason it is not one. */
export async function confirmInvariants(
  fn: IrFunction,
  regions: Regions,
  invariants: readonly Term[],
  options: EngineOptions,
  budget: { left(): number; solverMs: number },
  engine: 'chc' | 'k-induction',
  k: number,
): Promise<{ ok: true; certificate: InvariantRawCertificate } | { ok: false; why: string }> {
  const drafts = certificateQueries(fn, regions, invariants, options.properties);
  if (drafts === null) return { ok: false, why: 'an invariant cannot be evaluated bit-precisely' };
  const queries: CertificateQuery[] = [];
  for (const [n, d] of drafts.entries()) {
    const q = withoutArrays({
      assertions: d.assertions,
      comments: [`${engine} certificate: ${d.meaning}`],
    });
    const dumpPath =
      options.dumpSmtDir === undefined
        ? undefined
        : `${options.dumpSmtDir}/${engine}-${d.kind}-${n}.smt2`;
    const r = await checkSat(q, {
      timeoutMs: Math.max(1, budget.left()),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(dumpPath === undefined ? {} : { dumpPath }),
    });
    budget.solverMs += r.solverMs;
    if (r.status !== 'unsat') {
      return { ok: false, why: `the ${d.kind} query "${d.meaning}" answered ${r.status}` };
    }
    queries.push(certificateQuery(d.meaning, q, r.solverMs));
  }
  const invs = invariantTexts(fn, regions, invariants, options.syntax);
  return {
    ok: true,
    certificate: { kind: 'invariant', engine, k, invariants: invs, queries },
  };
}

/** An unsat query as a certificate's entry: its meaning, its condition in infix, its script. */
export function certificateQuery(
  meaning: string,
  query: { readonly assertions: readonly Term[]; readonly comments?: readonly string[] },
  solverMs: number,
): CertificateQuery {
  const condition = termToInfix(and(...query.assertions)) ?? undefined;
  return {
    meaning,
    ...(condition === undefined ? {} : { condition }),
    smtlib: toSmtlib(query),
    solverMs,
  };
}

/** The invariant at every loop head, as the source language writes it. */
export function invariantTexts(
  fn: IrFunction,
  regions: Regions,
  invariants: readonly Term[],
  syntax: SourceSyntax,
): InvariantRawCertificate['invariants'] {
  const name = displayNames(fn);
  return regions.cutpoints
    .filter((c) => c.index > 0)
    .map((c) => ({
      node: c.node,
      loop: c.span,
      function: fn.name,
      text: formatInvariant(invariants[c.index], name, syntax),
    }));
}
