/**
 * The typed model of an IAM / resource policy, as produced by `parse.ts`.
 *
 * Every list element is normalised (a single string becomes a one-element
 * list; `Statement` as an object becomes a one-statement list), every
 * condition value is already read for its operator (numbers, dates, CIDR
 * ranges, templates with their policy variables), and every statement
 * keeps its JSON path so answers can point back into the user's file.
 * Nothing in this file depends on a request or a solver.
 */
import type { Cidr } from '../core/ip.js';
import type { ConditionOperator } from './operators.js';
import type { Decimal } from './scalars.js';
import type { Template } from './variables.js';

export type { Template } from './variables.js';
export type { ConditionOperator } from './operators.js';

export type Effect = 'Allow' | 'Deny';

/** The policy language versions AWS accepts; only `2012-10-17` has policy variables. */
export type PolicyVersion = '2012-10-17' | '2008-10-17';

export interface Policy {
  /** Undefined when absent (AWS then applies `2008-10-17`). */
  readonly version: PolicyVersion | undefined;
  readonly id: string | undefined;
  readonly statements: readonly Statement[];
}

export interface Statement {
  /** Position in the `Statement` list (0 when `Statement` is a single object). */
  readonly index: number;
  /** `Statement[3]`, or `Statement` when the element is a single object. */
  readonly jsonPath: string;
  readonly sid: string | undefined;
  readonly effect: Effect;
  /** `Principal` / `NotPrincipal`; undefined when the statement has neither (identity policies). */
  readonly principal: PrincipalElement | undefined;
  readonly action: ActionElement;
  /** `Resource` / `NotResource`; undefined when absent (role trust policies): the statement then applies to any resource. */
  readonly resource: ResourceElement | undefined;
  /** Every (operator, key) pair of the `Condition` block, in source order; all must hold. */
  readonly conditions: readonly ConditionEntry[];
}

export interface PrincipalElement {
  /** True for `NotPrincipal`. */
  readonly negated: boolean;
  readonly entries: readonly PrincipalEntry[];
}

/**
 * One principal named in a policy ("AWS JSON policy elements: Principal").
 * A `*` under `Service`, `Federated` or `CanonicalUser` means any principal
 * of that type; `"*"` and `{"AWS": "*"}` mean everyone (`all`).
 */
export type PrincipalEntry =
  | { readonly kind: 'all' }
  /** A 12-digit account id or `arn:…:iam::ACCOUNT:root`: the account and every principal in it. */
  | { readonly kind: 'account'; readonly account: string }
  /** Any other value under `AWS`: a user, role, assumed-role session or federated-user ARN (compared exactly). */
  | { readonly kind: 'aws-arn'; readonly arn: string }
  | { readonly kind: 'service'; readonly name: string }
  | { readonly kind: 'federated'; readonly provider: string }
  | { readonly kind: 'canonical-user'; readonly id: string };

export interface ActionElement {
  /** True for `NotAction`. */
  readonly negated: boolean;
  /** Patterns as written (`s3:Get*`, `*`); matched case-insensitively. */
  readonly patterns: readonly string[];
}

export interface ResourceElement {
  /** True for `NotResource`. */
  readonly negated: boolean;
  /** Patterns with their policy variables. */
  readonly patterns: readonly Template[];
}

export interface ConditionEntry {
  /** `Statement[0].Condition.StringEquals.aws:SourceVpc`. */
  readonly jsonPath: string;
  readonly operator: ConditionOperator;
  /** The condition key as written (compared case-insensitively). */
  readonly key: string;
  /** At least one value (an empty list is reported as bad input). */
  readonly values: readonly ConditionValue[];
}

/** A condition value read for its operator family. */
export type ConditionValue =
  /** String, ARN and Bool operators: text that may hold policy variables. */
  | { readonly kind: 'template'; readonly template: Template }
  | { readonly kind: 'number'; readonly value: Decimal }
  /** Milliseconds since the epoch. */
  | { readonly kind: 'date'; readonly epochMillis: number }
  | { readonly kind: 'ip'; readonly cidr: Cidr }
  /** Bytes as lower-case hex. */
  | { readonly kind: 'binary'; readonly hex: string }
  /** `Null`: true tests that the key is absent, false that it is present. */
  | { readonly kind: 'null'; readonly isNull: boolean }
  /** A value that does not parse for its operator (reported as bad input); it matches nothing. */
  | { readonly kind: 'invalid'; readonly raw: string };

/** How a policy is attached, which decides whether `Principal` is consulted. */
export type PolicyType = 'identity' | 'resource';
