/**
 * Mirrors `../public.ts` (`notPublicReason`): the requests "from the
 * public" as constraints over the symbolic request.
 */
import {
  and,
  conjunction,
  disjunction,
  eq,
  implies,
  not,
  or,
  strConst,
  strInRe,
  strPrefixOf,
  type Term,
} from '../../smt/index.js';
import type { FixedValues } from '../public.js';
import { PUBLIC_LIMITING_KEYS } from '../public.js';
import { caselessRegex } from './conditions.js';
import { cidrContainsSymbolic } from './ip.js';
import { kindIs, type SymbolicRequest } from './request.js';

/** The caller and the limiting keys' values are the public's (public.ts). */
export function fromThePublic(r: SymbolicRequest, fixed: FixedValues): Term[] {
  const p = r.principal;
  const notOneOf = (t: Term, values: ReadonlySet<string>) =>
    conjunction([...values].map((v) => not(eq(t, strConst(v)))));
  const out: Term[] = [
    or(
      kindIs(r, 'anonymous'),
      kindIs(r, 'federated'),
      and(kindIs(r, 'aws'), notOneOf(p.account, fixed.accounts)),
      and(kindIs(r, 'canonical-user'), notOneOf(p.name, fixed.canonicalUsers)),
    ),
  ];
  for (const name of PUBLIC_LIMITING_KEYS) {
    const lower = name.toLowerCase();
    const key = r.keys.get(lower);
    if (key === undefined) continue;
    for (const e of key.elements) {
      const fixedHere: Term[] = [];
      if (key.use.kind === 'string') {
        for (const s of fixed.strings.get(lower) ?? [])
          fixedHere.push(strInRe(e.text, caselessRegex(s.toLowerCase(), name)));
        if (lower === 'aws:userid')
          for (const prefix of fixed.useridPrefixes)
            fixedHere.push(strPrefixOf(strConst(prefix), e.text));
      }
      if (key.use.kind === 'ip' && lower === 'aws:sourceip')
        for (const c of fixed.ranges)
          fixedHere.push(and(not(e.unreadable), cidrContainsSymbolic(c, e.ip)));
      out.push(implies(e.used, not(disjunction(fixedHere))));
    }
  }
  return out;
}
