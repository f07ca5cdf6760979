/**
 * The `Condition` element against a request context.
 *
 * Sources (AWS IAM User Guide):
 * - "IAM JSON policy elements: Condition operators" (CO)
 * - "Conditions with multiple context keys or values" (MV), formerly
 *   "Creating a condition that tests multiple key values (set operations)"
 * - "IAM JSON policy elements: Condition" (C)
 * - "Single-valued vs. multivalued context keys" (SM)
 *
 * Rules, in the order `conditionHolds` applies them:
 * 1. All operators of a block, and all keys under one operator, must hold
 *    (AND) (MV: "the condition operators are evaluated using a logical
 *    AND"; "the context keys are evaluated using a logical AND").
 * 2. Keys are looked up case-insensitively (C: "Context key names are not
 *    case-sensitive"); values compare case-sensitively unless the operator
 *    says otherwise (C).
 * 3. `Null`: a value `true` holds when the key is absent, `false` when it is
 *    present (CO, "Condition operator to check existence of condition keys").
 *    Several values are OR-ed. An empty list counts as absent (MV: missing
 *    keys and "context keys with empty values" are both caught by
 *    `Null: false`).
 * 4. Key absent:
 *    - `ForAllValues:` holds (MV: "also returns true if there are no context
 *      keys in the request"; an empty set: "ForAllValues returns true");
 *    - `…IfExists` holds (CO: "If the key is not present, evaluate the
 *      condition element as true");
 *    - `ForAnyValue:` fails (MV: "ForAnyValue returns false");
 *    - otherwise a negated operator holds and a positive one fails (CO,
 *      "Important": "If the key that you specify in a policy condition is
 *      not present in the request context, the values do not match and the
 *      condition is false. If the policy condition requires that the key is
 *      not matched, such as StringNotLike or ArnNotLike, and the right key is
 *      not present, the condition is true.").
 * 5. Key present, one request value `r`: a positive operator holds when `r`
 *    matches some policy value (OR); a negated operator holds when `r`
 *    matches none of them (NOR) (MV: "If a single negated matching condition
 *    operator includes multiple values for a context key, those values are
 *    evaluated using a logical NOR").
 * 6. Set qualifiers over a request list `R`: `ForAllValues:` holds when rule
 *    5 holds for every `r` in `R`, `ForAnyValue:` when it holds for some (MV).
 *    A single-valued key under a set qualifier is the one-element set (SM
 *    warns this can be "overly permissive", which is this reading).
 * 7. A plain operator on a multivalued key (SM says such keys "require a
 *    condition set operator" but does not say what happens without one):
 *    a positive operator holds when some `r` matches (as `ForAnyValue:`), a
 *    negated one when no `r` matches (as `ForAllValues:`). This keeps every
 *    negated operator the exact complement of its positive one when the key
 *    is present. (Our choice; AWS does not document it.)
 * 8. A request value that cannot be read for the operator (a non-number for
 *    `Numeric…`, a non-address for `IpAddress`, …) satisfies neither the
 *    operator nor its negation.
 * 9. Operator semantics (CO): `StringEquals` exact; `…IgnoreCase` compares
 *    lower-cased text (JavaScript `toLowerCase`, not full Unicode case
 *    folding); `StringLike` with `*` and `?` (wildcard.ts); `Numeric…`
 *    exact decimal comparison; `Date…` on epoch milliseconds (scalars.ts);
 *    `Bool` ignores case; `BinaryEquals` compares bytes; `IpAddress` CIDR
 *    containment (core/ip.ts); `ArnEquals` and `ArnLike` are the same operator,
 *    matching each of the six ARN components separately (arn.ts).
 * 10. Policy variables are resolved in the values of the String, ARN and
 *    Bool operators (CO lists variables as usable with String, Boolean and
 *    ARN operators; "IAM policy elements: Variables and tags" names only
 *    String and ARN — accepting them under Bool as well is the wider
 *    reading). A value whose variable cannot be resolved matches nothing
 *    (variables.ts).
 */
import { matchArnPattern } from './arn.js';
import { cidrContains, parseIp, type IpAddress } from '../core/ip.js';
import type { ConditionEntry, ConditionValue } from './model.js';
import { baseOperatorInfo, type BaseOperator, type ConditionOperator } from './operators.js';
import type { RequestContext } from './request.js';
import {
  compareDecimal,
  parseBase64,
  parseBool,
  parseDate,
  parseDecimal,
  type Decimal,
} from './scalars.js';
import {
  resolvedPattern,
  resolvedText,
  resolveTemplate,
  type VariableLookup,
} from './variables.js';
import { matchPattern } from './wildcard.js';

/** Rule 1: every entry of the block holds. */
export function conditionsHold(
  entries: readonly ConditionEntry[],
  context: RequestContext,
): boolean {
  return entries.every((e) => conditionHolds(e, context));
}

/** One (operator, key, values) entry against the request (rules 2–8). */
export function conditionHolds(entry: ConditionEntry, context: RequestContext): boolean {
  const op = entry.operator;
  const raw = context.get(entry.key);
  if (op.base === 'Null') {
    const absent = raw === undefined;
    return entry.values.some((v) => v.kind === 'null' && v.isNull === absent);
  }
  if (raw === undefined) return holdsWhenAbsent(op);
  const lookup: VariableLookup = (key) => context.variable(key);
  const holds = (requestValue: string) => baseHolds(op, entry.values, requestValue, lookup);
  if (typeof raw === 'string') return holds(raw);
  switch (op.set) {
    case 'ForAllValues':
      return raw.every(holds);
    case 'ForAnyValue':
      return raw.some(holds);
    case undefined:
      return op.negated ? raw.every(holds) : raw.some(holds);
  }
}

/** Rule 4. */
export function holdsWhenAbsent(op: ConditionOperator): boolean {
  if (op.set === 'ForAllValues') return true;
  if (op.ifExists) return true;
  if (op.set === 'ForAnyValue') return false;
  return op.negated;
}

/** Rule 5 for one request value: OR over the policy values, or NOR for a negated operator. */
export function baseHolds(
  op: ConditionOperator,
  values: readonly ConditionValue[],
  requestValue: string,
  lookup: VariableLookup,
): boolean {
  const info = baseOperatorInfo(op.base);
  const typed = readRequestValue(info.positive, requestValue);
  if (typed === undefined) return false;
  const anyMatch = values.some((v) => valueMatches(info.positive, v, typed, lookup));
  return info.negated ? !anyMatch : anyMatch;
}

/** A request value read for an operator family (rule 8: undefined when it cannot be). */
type TypedValue =
  | { readonly kind: 'string'; readonly text: string }
  | { readonly kind: 'number'; readonly value: Decimal }
  | { readonly kind: 'date'; readonly epochMillis: number }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'binary'; readonly hex: string }
  | { readonly kind: 'ip'; readonly address: IpAddress };

function readRequestValue(op: BaseOperator, text: string): TypedValue | undefined {
  switch (baseOperatorInfo(op).family) {
    case 'string':
    case 'arn':
      return { kind: 'string', text };
    case 'numeric': {
      const value = parseDecimal(text);
      return value && { kind: 'number', value };
    }
    case 'date': {
      const epochMillis = parseDate(text);
      return epochMillis === undefined ? undefined : { kind: 'date', epochMillis };
    }
    case 'bool': {
      const value = parseBool(text);
      return value === undefined ? undefined : { kind: 'bool', value };
    }
    case 'binary': {
      const hex = parseBase64(text);
      return hex === undefined ? undefined : { kind: 'binary', hex };
    }
    case 'ip': {
      const address = parseIp(text);
      return address && { kind: 'ip', address };
    }
    case 'null':
      return undefined;
  }
}

/** Does one policy value match one request value under a positive base operator (rule 9)? */
function valueMatches(
  op: BaseOperator,
  value: ConditionValue,
  r: TypedValue,
  lookup: VariableLookup,
): boolean {
  switch (value.kind) {
    case 'template': {
      const resolved = resolveTemplate(value.template, lookup);
      if (resolved === undefined) return false;
      if (r.kind === 'bool') return parseBool(resolvedText(resolved)) === r.value;
      if (r.kind !== 'string') return false;
      switch (op) {
        case 'StringEquals':
          return resolvedText(resolved) === r.text;
        case 'StringEqualsIgnoreCase':
          return resolvedText(resolved).toLowerCase() === r.text.toLowerCase();
        case 'StringLike':
          return matchPattern(resolvedPattern(resolved), r.text);
        case 'ArnEquals':
        case 'ArnLike':
          return matchArnPattern(resolvedPattern(resolved), r.text);
        default:
          return false;
      }
    }
    case 'number': {
      if (r.kind !== 'number') return false;
      const c = compareDecimal(r.value, value.value);
      return compareHolds(op, c);
    }
    case 'date': {
      if (r.kind !== 'date') return false;
      const c = Math.sign(r.epochMillis - value.epochMillis);
      return compareHolds(op, c);
    }
    case 'ip':
      return r.kind === 'ip' && cidrContains(value.cidr, r.address);
    case 'binary':
      return r.kind === 'binary' && r.hex === value.hex;
    case 'null':
    case 'invalid':
      return false;
  }
}

/** `request ⋈ policy` for the comparison operators, given the sign of request − policy. */
function compareHolds(op: BaseOperator, sign: number): boolean {
  switch (op) {
    case 'NumericEquals':
    case 'DateEquals':
      return sign === 0;
    case 'NumericLessThan':
    case 'DateLessThan':
      return sign < 0;
    case 'NumericLessThanEquals':
    case 'DateLessThanEquals':
      return sign <= 0;
    case 'NumericGreaterThan':
    case 'DateGreaterThan':
      return sign > 0;
    case 'NumericGreaterThanEquals':
    case 'DateGreaterThanEquals':
      return sign >= 0;
    default:
      return false;
  }
}
