/**
 * The catalogue of IAM condition operators and the grammar of their names:
 * an optional set qualifier (`ForAllValues:` / `ForAnyValue:`), a base
 * operator, and an optional `IfExists` suffix.
 *
 * Source: "IAM JSON policy elements: Condition operators" (AWS IAM User
 * Guide): every base operator, which ones are negated, that `IfExists` may
 * be added to any operator except `Null`; "Conditions with multiple context
 * keys or values" for the two set qualifiers. Operator names are matched
 * exactly (case-sensitive); a near miss is reported with a suggestion.
 */

/** What a base operator compares: decides how its policy values are read. */
export type OperatorFamily =
  'string' | 'numeric' | 'date' | 'bool' | 'binary' | 'ip' | 'arn' | 'null';

export type BaseOperator =
  | 'StringEquals'
  | 'StringNotEquals'
  | 'StringEqualsIgnoreCase'
  | 'StringNotEqualsIgnoreCase'
  | 'StringLike'
  | 'StringNotLike'
  | 'NumericEquals'
  | 'NumericNotEquals'
  | 'NumericLessThan'
  | 'NumericLessThanEquals'
  | 'NumericGreaterThan'
  | 'NumericGreaterThanEquals'
  | 'DateEquals'
  | 'DateNotEquals'
  | 'DateLessThan'
  | 'DateLessThanEquals'
  | 'DateGreaterThan'
  | 'DateGreaterThanEquals'
  | 'Bool'
  | 'BinaryEquals'
  | 'IpAddress'
  | 'NotIpAddress'
  | 'ArnEquals'
  | 'ArnNotEquals'
  | 'ArnLike'
  | 'ArnNotLike'
  | 'Null';

export interface BaseOperatorInfo {
  readonly family: OperatorFamily;
  /**
   * A negated operator is true when the request value matches none of the
   * policy values, and true when the key is absent (see conditions.ts).
   */
  readonly negated: boolean;
  /** The positive operator this one negates (for a negated operator). */
  readonly positive: BaseOperator;
}

const info = (family: OperatorFamily, negated = false, positive?: BaseOperator) =>
  ({ family, negated, positive }) as const;

const TABLE: Readonly<
  Record<BaseOperator, { family: OperatorFamily; negated: boolean; positive?: BaseOperator }>
> = {
  StringEquals: info('string'),
  StringNotEquals: info('string', true, 'StringEquals'),
  StringEqualsIgnoreCase: info('string'),
  StringNotEqualsIgnoreCase: info('string', true, 'StringEqualsIgnoreCase'),
  StringLike: info('string'),
  StringNotLike: info('string', true, 'StringLike'),
  NumericEquals: info('numeric'),
  NumericNotEquals: info('numeric', true, 'NumericEquals'),
  NumericLessThan: info('numeric'),
  NumericLessThanEquals: info('numeric'),
  NumericGreaterThan: info('numeric'),
  NumericGreaterThanEquals: info('numeric'),
  DateEquals: info('date'),
  DateNotEquals: info('date', true, 'DateEquals'),
  DateLessThan: info('date'),
  DateLessThanEquals: info('date'),
  DateGreaterThan: info('date'),
  DateGreaterThanEquals: info('date'),
  Bool: info('bool'),
  BinaryEquals: info('binary'),
  IpAddress: info('ip'),
  NotIpAddress: info('ip', true, 'IpAddress'),
  ArnEquals: info('arn'),
  ArnNotEquals: info('arn', true, 'ArnEquals'),
  ArnLike: info('arn'),
  ArnNotLike: info('arn', true, 'ArnLike'),
  Null: info('null'),
};

export const BASE_OPERATORS: readonly BaseOperator[] = Object.keys(TABLE) as BaseOperator[];

export function baseOperatorInfo(op: BaseOperator): BaseOperatorInfo {
  const row = TABLE[op];
  return { family: row.family, negated: row.negated, positive: row.positive ?? op };
}

export type SetQualifier = 'ForAllValues' | 'ForAnyValue';

/** A parsed operator name such as `ForAnyValue:StringNotLikeIfExists`. */
export interface ConditionOperator {
  /** The name as written in the policy. */
  readonly text: string;
  readonly base: BaseOperator;
  readonly family: OperatorFamily;
  readonly negated: boolean;
  readonly set: SetQualifier | undefined;
  readonly ifExists: boolean;
}

export type OperatorParse =
  | { readonly ok: true; readonly operator: ConditionOperator }
  | {
      readonly ok: false;
      readonly code: 'unknown-operator' | 'invalid-operator-combination';
      readonly message: string;
    };

/** Parses an operator name; never throws. */
export function parseOperator(text: string): OperatorParse {
  let rest = text;
  let set: SetQualifier | undefined;
  const colon = rest.indexOf(':');
  if (colon !== -1) {
    const qualifier = rest.slice(0, colon);
    if (qualifier !== 'ForAllValues' && qualifier !== 'ForAnyValue') {
      const near = nearest(qualifier, ['ForAllValues', 'ForAnyValue']);
      return {
        ok: false,
        code: 'unknown-operator',
        message: `unknown set qualifier ${JSON.stringify(qualifier)}${near ? ` (did you mean ${near}?)` : ''}; only ForAllValues: and ForAnyValue: exist`,
      };
    }
    set = qualifier;
    rest = rest.slice(colon + 1);
  }
  let ifExists = false;
  let base = rest;
  if (!isBaseOperator(base) && base.endsWith('IfExists')) {
    ifExists = true;
    base = base.slice(0, -'IfExists'.length);
  }
  if (!isBaseOperator(base)) {
    const candidates = [
      ...BASE_OPERATORS,
      ...BASE_OPERATORS.filter((o) => o !== 'Null').map((o) => `${o}IfExists`),
    ];
    const near = nearest(rest, candidates);
    return {
      ok: false,
      code: 'unknown-operator',
      message: `unknown condition operator ${JSON.stringify(text)}${near ? ` (did you mean ${set ? `${set}:` : ''}${near}?)` : ''}`,
    };
  }
  if (base === 'Null' && ifExists)
    return {
      ok: false,
      code: 'invalid-operator-combination',
      message:
        'IfExists cannot be added to the Null operator (Null itself tests whether the key exists)',
    };
  if (base === 'Null' && set !== undefined)
    return {
      ok: false,
      code: 'invalid-operator-combination',
      message: `${set}: cannot qualify the Null operator`,
    };
  const { family, negated } = baseOperatorInfo(base);
  return { ok: true, operator: { text, base, family, negated, set, ifExists } };
}

function isBaseOperator(s: string): s is BaseOperator {
  return Object.prototype.hasOwnProperty.call(TABLE, s);
}

/**
 * The candidate closest to `s` when it is a plausible typo (a case
 * difference, or an edit distance of at most 2), else undefined.
 */
export function nearest(s: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    if (c.toLowerCase() === s.toLowerCase()) return c;
    const d = editDistance(s, c);
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return bestDistance <= 2 ? best : undefined;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost));
    }
    previous = current;
  }
  return previous[b.length];
}
