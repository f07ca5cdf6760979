/**
 * Mirrors `../conditions.ts` (`conditionsHold`, `conditionHolds`,
 * `holdsWhenAbsent`, `baseHolds`, `valueMatches`), rule for rule, over the
 * keys of the symbolic request (request.ts):
 * - rule 3 (`Null`) reads only presence;
 * - rule 4: on an absent key the entry is `holdsWhenAbsent(op)`, the very
 *   function the evaluator uses;
 * - rules 5–7: on a present key, `ForAllValues:` and negated plain
 *   operators are a conjunction over the used elements, `ForAnyValue:` and
 *   positive plain operators a disjunction (on a single string both are
 *   the one element, as concretely);
 * - rule 8: an element unreadable for the operator satisfies neither the
 *   operator nor its negation;
 * - rule 9: `StringEquals` is string equality, `StringLike` regular
 *   membership (wildcard.ts), `ArnLike` component-wise (arn.ts), numbers
 *   and dates Int comparisons, `IpAddress` bit-vector masks (ip.ts), `Bool`
 *   the regular languages of `true`/`false` in any case, `BinaryEquals`
 *   equality of hex text.
 * - `…IgnoreCase`: SMT-LIB has no lower-casing, so the request text is
 *   matched against the language of every string whose JavaScript
 *   `toLowerCase` is the lower-cased policy value — built from the inverse
 *   of the per-character lower-casing map over all code points up to
 *   U+2FFFF (characters that lower-case to several, such as `İ`, included).
 *   `toLowerCase` differs from the per-character map only for a capital
 *   sigma (final-sigma rule); a policy value containing `σ` or `ς` is
 *   therefore not encoded, and without them no request text with a capital
 *   sigma can match either way: exact. A policy variable inside an
 *   `…IgnoreCase` value is not encoded (don't know).
 */
import {
  and,
  conjunction,
  disjunction,
  eq,
  falseTerm,
  implies,
  intCompare,
  intConst,
  ite,
  not,
  or,
  reConcat,
  reRange,
  reUnion,
  strConst,
  strInRe,
  strToRe,
  stringLiteralValue,
  boolConst,
  type Term,
} from '../../smt/index.js';
import { holdsWhenAbsent } from '../conditions.js';
import type { ConditionEntry, ConditionValue } from '../model.js';
import { baseOperatorInfo, type BaseOperator, type ConditionOperator } from '../operators.js';
import { parseBool } from '../scalars.js';
import { matchSymbolicArn } from './arn.js';
import { cidrContainsSymbolic } from './ip.js';
import type { SymbolicElement, SymbolicKey, SymbolicRequest } from './request.js';
import { boolRegex, scaled } from './scalars.js';
import { Unencodable } from './unsupported.js';
import {
  resolvedPatternSymbolic,
  resolvedTextSymbolic,
  resolveSymbolic,
  type SymbolicLookup,
} from './variables.js';
import { matchSymbolicPattern } from './wildcard.js';

/** `conditionsHold`. */
export function conditionsHoldSymbolic(
  entries: readonly ConditionEntry[],
  r: SymbolicRequest,
): Term {
  return conjunction(entries.map((e) => conditionHoldsSymbolic(e, r)));
}

/** `conditionHolds`. */
function conditionHoldsSymbolic(entry: ConditionEntry, r: SymbolicRequest): Term {
  const key = r.keys.get(entry.key.toLowerCase());
  if (key === undefined) throw new Error(`internal error: key ${entry.key} was not collected`);
  const op = entry.operator;
  if (op.base === 'Null')
    return disjunction(
      entry.values.map((v) =>
        v.kind === 'null' ? (v.isNull ? not(key.present) : key.present) : falseTerm,
      ),
    );
  const holds = (e: SymbolicElement) => baseHoldsSymbolic(op, entry, e, key, r.lookup);
  const universal = op.set === 'ForAllValues' || (op.set === undefined && op.negated);
  const body = universal
    ? conjunction(key.elements.map((e) => implies(e.used, holds(e))))
    : disjunction(key.elements.map((e) => and(e.used, holds(e))));
  return ite(key.present, body, boolConst(holdsWhenAbsent(op)));
}

/** `baseHolds` for one element. */
function baseHoldsSymbolic(
  op: ConditionOperator,
  entry: ConditionEntry,
  e: SymbolicElement,
  key: SymbolicKey,
  lookup: SymbolicLookup,
): Term {
  const info = baseOperatorInfo(op.base);
  const readable =
    info.family === 'bool'
      ? strInRe(e.text, reUnion(boolRegex(true), boolRegex(false)))
      : key.use.kind === 'string'
        ? boolConst(true)
        : not(e.unreadable);
  const anyMatch = disjunction(
    entry.values.map((v) => valueMatchesSymbolic(info.positive, v, e, key, lookup, entry.jsonPath)),
  );
  return and(readable, info.negated ? not(anyMatch) : anyMatch);
}

/** `valueMatches` (positive base operator). */
function valueMatchesSymbolic(
  op: BaseOperator,
  value: ConditionValue,
  e: SymbolicElement,
  key: SymbolicKey,
  lookup: SymbolicLookup,
  jsonPath: string,
): Term {
  switch (value.kind) {
    case 'template': {
      const resolved = resolveSymbolic(value.template, lookup);
      const text = resolvedTextSymbolic(resolved);
      if (baseOperatorInfo(op).family === 'bool') {
        const literal = stringLiteralValue(text);
        const same = (b: boolean) =>
          and(strInRe(text, boolRegex(b)), strInRe(e.text, boolRegex(b)));
        if (literal === undefined) return and(resolved.defined, or(same(true), same(false)));
        const b = parseBool(literal);
        return b === undefined ? falseTerm : and(resolved.defined, strInRe(e.text, boolRegex(b)));
      }
      switch (op) {
        case 'StringEquals':
          return and(resolved.defined, eq(e.text, text));
        case 'StringEqualsIgnoreCase': {
          const literal = stringLiteralValue(text);
          if (literal === undefined)
            throw new Unencodable(
              'a policy variable inside a case-insensitive comparison',
              jsonPath,
            );
          return strInRe(e.text, caselessRegex(literal.toLowerCase(), jsonPath));
        }
        case 'StringLike':
          return and(
            resolved.defined,
            matchSymbolicPattern(resolvedPatternSymbolic(resolved), e.text),
          );
        case 'ArnEquals':
        case 'ArnLike':
          return and(
            resolved.defined,
            matchSymbolicArn(resolvedPatternSymbolic(resolved), e.text, jsonPath),
          );
        default:
          return falseTerm;
      }
    }
    case 'number':
      return key.use.kind === 'numeric'
        ? compareSymbolic(op, e.number, intConst(scaled(value.value, key.use.scale)))
        : falseTerm;
    case 'date':
      return key.use.kind === 'date'
        ? compareSymbolic(op, e.number, intConst(BigInt(value.epochMillis)))
        : falseTerm;
    case 'ip':
      return key.use.kind === 'ip' ? cidrContainsSymbolic(value.cidr, e.ip) : falseTerm;
    case 'binary':
      return key.use.kind === 'binary' ? eq(e.text, strConst(value.hex)) : falseTerm;
    case 'null':
    case 'invalid':
      return falseTerm;
  }
}

/** `compareHolds`: request ⋈ policy. */
function compareSymbolic(op: BaseOperator, request: Term, policy: Term): Term {
  switch (op) {
    case 'NumericEquals':
    case 'DateEquals':
      return eq(request, policy);
    case 'NumericLessThan':
    case 'DateLessThan':
      return intCompare('<', request, policy);
    case 'NumericLessThanEquals':
    case 'DateLessThanEquals':
      return intCompare('<=', request, policy);
    case 'NumericGreaterThan':
    case 'DateGreaterThan':
      return intCompare('<', policy, request);
    case 'NumericGreaterThanEquals':
    case 'DateGreaterThanEquals':
      return intCompare('<=', policy, request);
    default:
      return falseTerm;
  }
}

// ------------------------------------------------------------------ case-insensitive text

let inverseLower: Map<string, number[]> | undefined;

/** For each lower-cased text, the code points whose `toLowerCase` it is. */
function lowerCaseInverse(): Map<string, number[]> {
  if (inverseLower !== undefined) return inverseLower;
  const map = new Map<string, number[]>();
  for (let code = 0; code <= 0x2ffff; code++) {
    const lower = String.fromCodePoint(code).toLowerCase();
    const list = map.get(lower);
    if (list === undefined) map.set(lower, [code]);
    else list.push(code);
  }
  inverseLower = map;
  return map;
}

/** Code points as a union of ranges. */
function codeSet(codes: readonly number[]): Term[] {
  const out: Term[] = [];
  let i = 0;
  while (i < codes.length) {
    let j = i;
    while (j + 1 < codes.length && codes[j + 1] === codes[j] + 1) j++;
    out.push(reRange(String.fromCodePoint(codes[i]), String.fromCodePoint(codes[j])));
    i = j + 1;
  }
  return out;
}

/** Every string whose `toLowerCase` is `lowered` (see the module comment). */
export function caselessRegex(lowered: string, jsonPath: string): Term {
  if (/[σς]/u.test(lowered))
    throw new Unencodable(
      'a case-insensitive comparison with a Greek sigma (final-sigma casing)',
      jsonPath,
    );
  const inverse = lowerCaseInverse();
  const chars = [...lowered];
  const multi = [...inverse.entries()].filter(([lower]) => [...lower].length > 1);
  // from[i]: the language of the strings lower-casing to chars[i..].
  const from: Term[] = new Array<Term>(chars.length + 1);
  from[chars.length] = strToRe(strConst(''));
  for (let i = chars.length - 1; i >= 0; i--) {
    const options: Term[] = [];
    const single = inverse.get(chars[i]) ?? [];
    if (single.length > 0) options.push(reConcat(reUnion(...codeSet(single)), from[i + 1]));
    for (const [lower, codes] of multi) {
      const n = [...lower].length;
      if (chars.slice(i, i + n).join('') === lower)
        options.push(reConcat(reUnion(...codeSet(codes)), from[i + n]));
    }
    from[i] = reUnion(...options);
  }
  return from[0];
}
