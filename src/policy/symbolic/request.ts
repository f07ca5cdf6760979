/**
 * Mirrors `../request.ts`: the symbolic request — every request the
 * concrete evaluator can be asked about, as solver variables — and the way
 * back from a model to a concrete `AccessRequest` (the witness, which is
 * then replayed through `evaluate`).
 *
 * Principal: a kind (anonymous, aws, service, federated, canonical-user);
 * for `aws` a shape (root, user, role, assumed-role session, federated
 * user) with its components, so the ARN is
 *   root     arn:P:iam::A:root
 *   user     arn:P:iam::A:user/PATH LEAF      role  arn:P:iam::A:role/PATH LEAF
 *   session  arn:P:sts::A:assumed-role/ROLE/SESSION (role ARN arn:P:iam::A:role/RPATH ROLE)
 *   fed.     arn:P:sts::A:federated-user/PATH LEAF
 * with P one of the AWS partitions, A twelve digits, PATH empty or ending in `/`, LEAF
 * and ROLE without `/`. These are the principals AWS authenticates; the
 * concrete evaluator also accepts arbitrary text as an ARN, which no real
 * request carries (this is the one restriction of the principal domain).
 * Service, federated and canonical-user principals have a free name.
 *
 * Action: the lower-cased action, printable ASCII without upper-case
 * letters (every AWS action is ASCII; the evaluator lower-cases the
 * request's action and the policy's patterns, so only the lower-cased
 * action matters). Resource: any string (code points up to U+2FFFF).
 *
 * Context: one entry per condition key or policy-variable key that the
 * policies mention (keys are case-insensitive), each with
 *   - `single`: the value is one string (what a policy variable can read);
 *   - elements `e1 … en`, each `used` or not; the key is present when some
 *     element is used; `single` implies that exactly `e1` is used;
 *   - each element's value: text for string, ARN and Bool keys; an Int for
 *     numbers (scaled, see scalars.ts) and dates; a bit-vector address for
 *     IP keys; hex text for binary keys; typed elements also carry
 *     `unreadable` (conditions.ts rule 8).
 *
 * Small-model argument for multivalued keys. Every condition entry on a key
 * K with request set R is, on a present key, either ∀r∈R.φ(r) (negated
 * plain operators, `ForAllValues:`) or ∃r∈R.φ(r) (positive plain
 * operators, `ForAnyValue:`); φ reads only r and single-valued keys (policy
 * variables never read a multivalued key). Whatever Boolean combination of
 * these atoms a question builds (deny statements and comparisons negate),
 * take a set R that satisfies it and keep, for each atom that is a true ∃
 * or a false ∀, one element witnessing it (an element satisfying φ, resp.
 * falsifying it), and one element in any case when R is non-empty. True ∀
 * and false ∃ atoms stay so on every subset, and the kept witnesses keep
 * the others; presence and the plain-string/list distinction are kept. So
 * R can be shrunk to at most max(1, m) elements where m is the number of
 * entries on K, without changing any atom: n = max(1, m) elements are
 * enough and the encoding is exact. (`shrinkContext` computes that subset
 * concretely; the tests check that it never changes a decision.)
 */
import {
  and,
  boolSort,
  bvConst as bvC,
  bvSort,
  disjunction,
  eq,
  falseTerm,
  implies,
  intCompare,
  intConst,
  intSort,
  ite,
  mkVar,
  not,
  or,
  reConcat,
  reRange,
  reStar,
  reUnion,
  rePlus,
  reAllChar,
  strConcat,
  strConst,
  strInRe,
  strToRe,
  stringSort,
  MAX_STRING_CHAR,
  type Sort,
  type Term,
} from '../../smt/index.js';
import { parsePrincipalArn } from '../arn.js';
import { parseIp } from '../../core/ip.js';
import type { ConditionValue, PolicyInput, Template } from '../index.js';
import type { OperatorFamily } from '../operators.js';
import { baseHolds } from '../conditions.js';
import {
  requestContext,
  type AccessRequest,
  type ContextValue,
  type RequestPrincipal,
} from '../request.js';
import { parseBase64, parseDate, parseDecimal } from '../scalars.js';
import { ipText, type SymbolicIp } from './ip.js';
import {
  binaryText,
  dateDomain,
  dateText,
  decimals,
  decimalText,
  hexRegex,
  scaled,
  UNREADABLE_TEXT,
} from './scalars.js';
import { Unencodable } from './unsupported.js';
import type { SymbolicLookup } from './variables.js';

/** The AWS partitions (the principal ARNs AWS issues are in one of them). */
const PARTITIONS = [
  'aws',
  'aws-cn',
  'aws-us-gov',
  'aws-iso',
  'aws-iso-b',
  'aws-iso-e',
  'aws-iso-f',
  'aws-eusc',
];

const PRINCIPAL_KINDS = ['anonymous', 'aws', 'service', 'federated', 'canonical-user'] as const;
const AWS_SHAPES = ['root', 'user', 'role', 'assumed-role', 'federated-user'] as const;
export type AwsShape = (typeof AWS_SHAPES)[number];

/** How a key's values are represented (decided by the operators that read it). */
export type KeyKind = 'string' | 'numeric' | 'date' | 'ip' | 'binary';

/** What the policies do with one context key. */
export interface KeyUse {
  /** The key as first written (used in witnesses). */
  readonly name: string;
  readonly kind: KeyKind;
  /** Condition entries on the key other than `Null` (the m of the module comment). */
  readonly entries: number;
  /** Scale of a numeric key (scalars.ts). */
  readonly scale: number;
}

export interface SymbolicElement {
  readonly used: Term;
  /** String, ARN, Bool keys: the text; binary keys: the bytes as hex. */
  readonly text: Term;
  /** Numeric keys (scaled) and date keys (epoch milliseconds). */
  readonly number: Term;
  readonly ip: SymbolicIp;
  /** Typed keys: the text is not readable for the key's operators. */
  readonly unreadable: Term;
}

export interface SymbolicKey {
  readonly use: KeyUse;
  readonly single: Term;
  readonly present: Term;
  readonly elements: readonly SymbolicElement[];
}

export interface SymbolicPrincipal {
  readonly kind: Term;
  readonly shape: Term;
  readonly partition: Term;
  readonly account: Term;
  readonly path: Term;
  readonly leaf: Term;
  readonly role: Term;
  readonly rolePath: Term;
  readonly session: Term;
  /** Service, federated and canonical-user principals. */
  readonly name: Term;
  readonly arn: Term;
  /** The role ARN of a session (meaningful for the assumed-role shape). */
  readonly roleArn: Term;
  readonly rootArn: Term;
}

export interface SymbolicRequest {
  readonly principal: SymbolicPrincipal;
  readonly action: Term;
  readonly resource: Term;
  /** By lower-cased key name. */
  readonly keys: ReadonlyMap<string, SymbolicKey>;
  /** Every variable, for reading a model. */
  readonly variables: readonly { readonly name: string; readonly sort: Sort }[];
  readonly lookup: SymbolicLookup;
}

/** Index of a principal kind / shape (their Int encoding). */
export const kindIs = (r: SymbolicRequest, k: (typeof PRINCIPAL_KINDS)[number]): Term =>
  eq(r.principal.kind, intConst(BigInt(PRINCIPAL_KINDS.indexOf(k))));
export const shapeIs = (r: SymbolicRequest, s: AwsShape): Term =>
  and(kindIs(r, 'aws'), eq(r.principal.shape, intConst(BigInt(AWS_SHAPES.indexOf(s)))));

// ------------------------------------------------------------------ keys

function familyKind(family: OperatorFamily): KeyKind | undefined {
  switch (family) {
    case 'string':
    case 'arn':
    case 'bool':
      return 'string';
    case 'numeric':
    case 'date':
    case 'ip':
    case 'binary':
      return family;
    case 'null':
      return undefined;
  }
}

function templateKeys(template: Template): string[] {
  return template.flatMap((p) => (p.kind === 'variable' ? [p.key] : []));
}

function valueTemplates(values: readonly ConditionValue[]): Template[] {
  return values.flatMap((v) => (v.kind === 'template' ? [v.template] : []));
}

/** Every key the policies read, with how (throws `Unencodable` on a key read two incompatible ways). */
export function collectKeys(policies: readonly PolicyInput[]): Map<string, KeyUse> {
  const uses = new Map<
    string,
    {
      name: string;
      kinds: Set<KeyKind>;
      entries: number;
      scale: number;
      variable?: string;
      path: string;
    }
  >();
  const touch = (key: string, path: string) => {
    const lower = key.toLowerCase();
    let u = uses.get(lower);
    if (u === undefined) {
      u = { name: key, kinds: new Set(), entries: 0, scale: 1, path };
      uses.set(lower, u);
    }
    return u;
  };
  for (const { policy } of policies)
    for (const st of policy.statements) {
      for (const t of st.resource?.patterns ?? [])
        for (const k of templateKeys(t))
          touch(k, `${st.jsonPath}.Resource`).variable ??= `${st.jsonPath}.Resource`;
      for (const c of st.conditions) {
        const u = touch(c.key, c.jsonPath);
        const kind = familyKind(c.operator.family);
        if (kind !== undefined) {
          u.kinds.add(kind);
          u.entries++;
        }
        for (const v of c.values)
          if (v.kind === 'number') u.scale = Math.max(u.scale, decimals(v.value) + 1);
        for (const t of valueTemplates(c.values))
          for (const k of templateKeys(t)) touch(k, c.jsonPath).variable ??= c.jsonPath;
      }
    }
  const out = new Map<string, KeyUse>();
  for (const [lower, u] of uses) {
    if (u.kinds.size > 1)
      throw new Unencodable(
        `the key ${u.name} is read by operators of different types (${[...u.kinds].join(', ')}); relating its text to a typed value is not encoded`,
        u.path,
      );
    const kind = [...u.kinds][0] ?? 'string';
    if (kind !== 'string' && u.variable !== undefined)
      throw new Unencodable(
        `the ${kind} key ${u.name} is also used as a policy variable`,
        u.variable,
      );
    out.set(lower, { name: u.name, kind, entries: u.entries, scale: u.scale });
  }
  return out;
}

// ------------------------------------------------------------------ the request

/** Builds the symbolic request for the keys the policies read. */
export function symbolicRequest(keys: ReadonlyMap<string, KeyUse>): SymbolicRequest {
  const variables: { name: string; sort: Sort }[] = [];
  const v = (name: string, sort: Sort) => {
    variables.push({ name, sort });
    return mkVar(name, sort);
  };
  const s = (name: string) => v(name, stringSort);
  const c = strConst;
  const partition = s('principal.partition');
  const account = s('principal.account');
  const path = s('principal.path');
  const leaf = s('principal.leaf');
  const role = s('principal.role');
  const rolePath = s('principal.rolePath');
  const session = s('principal.session');
  const shape = v('principal.shape', intSort);
  const base = (service: string) => [c('arn:'), partition, c(`:${service}::`), account, c(':')];
  const principal: SymbolicPrincipal = {
    kind: v('principal.kind', intSort),
    shape,
    partition,
    account,
    path,
    leaf,
    role,
    rolePath,
    session,
    name: s('principal.name'),
    arn: s('principal.arn'),
    roleArn: s('principal.roleArn'),
    rootArn: strConcat(...base('iam'), c('root')),
  };
  const action = s('action');
  const resource = s('resource');
  const symbolicKeys = new Map<string, SymbolicKey>();
  let index = 0;
  for (const [lower, use] of keys) {
    const prefix = `key${index++}`;
    const elements: SymbolicElement[] = [];
    for (let i = 0; i < Math.max(1, use.entries); i++) {
      const e = `${prefix}.${i}`;
      elements.push({
        used: v(`${e}.used`, boolSort),
        text: s(`${e}.text`),
        number: v(`${e}.number`, intSort),
        ip: {
          isV6: v(`${e}.isV6`, boolSort),
          v4: v(`${e}.v4`, bvSort(32)),
          v6: v(`${e}.v6`, bvSort(128)),
        },
        unreadable: v(`${e}.unreadable`, boolSort),
      });
    }
    symbolicKeys.set(lower, {
      use,
      single: v(`${prefix}.single`, boolSort),
      present: disjunction(elements.map((el) => el.used)),
      elements,
    });
  }
  const lookup: SymbolicLookup = (key) => {
    const k = symbolicKeys.get(key.toLowerCase());
    if (k === undefined) throw new Error(`internal error: variable key ${key} was not collected`);
    return { defined: k.single, value: k.elements[0].text };
  };
  return { principal, action, resource, keys: symbolicKeys, variables, lookup };
}

const printable = (lo: string, hi: string) => reRange(lo, hi);
/** One character other than `/` (ranges: Z3 is slower with complements). */
const NOT_SLASH = () =>
  reUnion(reRange('\u0000', '.'), reRange('0', String.fromCodePoint(MAX_STRING_CHAR)));
const NO_SLASH = () => reStar(NOT_SLASH());
const c = strConst;
const PATH = () => reUnion(strToRe(c('')), reConcat(reStar(reAllChar()), strToRe(c('/'))));

/**
 * The well-formedness of a request (the module comment's domain): kept
 * apart from every question's goal.
 */
export function requestDomain(r: SymbolicRequest): Term[] {
  const p = r.principal;
  const between = (t: Term, n: number) =>
    and(intCompare('<=', intConst(0n), t), intCompare('<', t, intConst(BigInt(n))));
  const base = (service: string) => [c('arn:'), p.partition, c(`:${service}::`), p.account, c(':')];
  const arnOf: Record<AwsShape, Term> = {
    root: strConcat(...base('iam'), c('root')),
    user: strConcat(...base('iam'), c('user/'), p.path, p.leaf),
    role: strConcat(...base('iam'), c('role/'), p.path, p.leaf),
    'assumed-role': strConcat(...base('sts'), c('assumed-role/'), p.role, c('/'), p.session),
    'federated-user': strConcat(...base('sts'), c('federated-user/'), p.path, p.leaf),
  };
  // One equation per shape, under its shape (an `ite` of concatenations is
  // much harder for Z3's string solver than these implications).
  const out: Term[] = [
    ...AWS_SHAPES.map((shape) =>
      implies(eq(p.shape, intConst(BigInt(AWS_SHAPES.indexOf(shape)))), eq(p.arn, arnOf[shape])),
    ),
    eq(p.roleArn, strConcat(...base('iam'), c('role/'), p.rolePath, p.role)),
    between(p.kind, PRINCIPAL_KINDS.length),
    between(p.shape, AWS_SHAPES.length),
    disjunction(PARTITIONS.map((name) => eq(p.partition, c(name)))),
    strInRe(p.account, reConcat(...Array.from({ length: 12 }, () => printable('0', '9')))),
    strInRe(p.path, PATH()),
    strInRe(p.rolePath, PATH()),
    strInRe(p.leaf, NO_SLASH()),
    strInRe(p.role, rePlus(NOT_SLASH())),
  ];
  for (const key of r.keys.values()) {
    const [first, ...rest] = key.elements;
    out.push(implies(key.single, and(first.used, ...rest.map((e) => not(e.used)))));
    for (const e of key.elements) {
      if (key.use.kind === 'date') out.push(or(e.unreadable, dateDomain(e.number)));
      if (key.use.kind === 'binary') out.push(or(e.unreadable, strInRe(e.text, hexRegex())));
    }
  }
  return out;
}

/**
 * The action is lower-case printable ASCII (the module comment). Kept out
 * of `requestDomain`: Z3 can be slow with it, and callers add it only when
 * a witness breaks it (`actionInDomain`) — an unsat answer without it holds
 * with it too.
 */
export function actionDomain(r: SymbolicRequest): Term {
  return strInRe(r.action, reStar(reUnion(printable(' ', '@'), printable('[', '~'))));
}

/** Is a witness's action in the domain of `actionDomain`? */
export function actionInDomain(action: string): boolean {
  return /^[ -@[-~]*$/.test(action);
}

/**
 * Requests as AWS makes them: the keys AWS derives from the principal
 * (`withPrincipalKeys`) agree with it, wherever the policies read them.
 */
export function principalKeysAgree(r: SymbolicRequest): Term[] {
  const p = r.principal;
  const out: Term[] = [];
  const key = (name: string) => r.keys.get(name.toLowerCase());
  const is = (name: string, when: Term, value: Term) => {
    const k = key(name);
    if (k === undefined) return;
    out.push(ite(when, and(k.single, eq(k.elements[0].text, value)), not(k.present)));
  };
  const aws = kindIs(r, 'aws');
  const shape = (s: AwsShape) => shapeIs(r, s);
  is('aws:PrincipalAccount', aws, p.account);
  is('aws:PrincipalArn', aws, ite(shape('assumed-role'), p.roleArn, p.arn));
  is('aws:username', shape('user'), p.leaf);
  is('aws:PrincipalServiceName', kindIs(r, 'service'), p.name);
  const type = key('aws:PrincipalType');
  if (type !== undefined) {
    const typed: [Term, string][] = [
      [kindIs(r, 'anonymous'), 'Anonymous'],
      [shape('root'), 'Account'],
      [shape('user'), 'User'],
      [shape('assumed-role'), 'AssumedRole'],
      [shape('federated-user'), 'FederatedUser'],
    ];
    out.push(
      typed.reduceRight<Term>(
        (acc, [when, value]) =>
          ite(when, and(type.single, eq(type.elements[0].text, c(value))), acc),
        not(type.present),
      ),
    );
  }
  return out;
}

// ------------------------------------------------------------------ models

/** A model: Int/Bool/bit-vector values and String values, by variable name. */
export interface ModelValues {
  readonly values: ReadonlyMap<string, bigint>;
  readonly strings: ReadonlyMap<string, string>;
}

function named(t: Term): string {
  if (t.kind !== 'var') throw new Error('internal error: not a variable');
  return t.name;
}

/** The concrete request a model describes (the witness). */
export function readRequest(r: SymbolicRequest, m: ModelValues): AccessRequest {
  const num = (t: Term) => m.values.get(named(t)) ?? 0n;
  const str = (t: Term) => m.strings.get(named(t)) ?? '';
  const bool = (t: Term) => num(t) === 1n;
  const p = r.principal;
  const kind = PRINCIPAL_KINDS[Number(num(p.kind))] ?? 'anonymous';
  let principal: RequestPrincipal;
  switch (kind) {
    case 'anonymous':
      principal = { kind };
      break;
    case 'service':
      principal = { kind, name: str(p.name) };
      break;
    case 'federated':
      principal = { kind, provider: str(p.name) };
      break;
    case 'canonical-user':
      principal = { kind, id: str(p.name) };
      break;
    case 'aws': {
      const shape = AWS_SHAPES[Number(num(p.shape))] ?? 'root';
      const head = (svc: string) => `arn:${str(p.partition)}:${svc}::${str(p.account)}:`;
      const rest = `${str(p.path)}${str(p.leaf)}`;
      const arn = {
        root: `${head('iam')}root`,
        user: `${head('iam')}user/${rest}`,
        role: `${head('iam')}role/${rest}`,
        'assumed-role': `${head('sts')}assumed-role/${str(p.role)}/${str(p.session)}`,
        'federated-user': `${head('sts')}federated-user/${rest}`,
      }[shape];
      const withPath = shape === 'assumed-role' && str(p.rolePath) !== '';
      principal = withPath
        ? { kind, arn, roleArn: `${head('iam')}role/${str(p.rolePath)}${str(p.role)}` }
        : { kind, arn };
      break;
    }
  }
  const context: Record<string, ContextValue> = {};
  for (const key of r.keys.values()) {
    const texts = key.elements
      .filter((e) => bool(e.used))
      .map((e) => elementText(key.use, e, { num, str, bool }));
    if (texts.length === 0) continue;
    context[key.use.name] = bool(key.single) ? texts[0] : texts;
  }
  return { principal, action: str(r.action), resource: str(r.resource), context };
}

function elementText(
  use: KeyUse,
  e: SymbolicElement,
  m: { num: (t: Term) => bigint; str: (t: Term) => string; bool: (t: Term) => boolean },
): string {
  if (use.kind !== 'string' && m.bool(e.unreadable)) return UNREADABLE_TEXT;
  switch (use.kind) {
    case 'string':
      return m.str(e.text);
    case 'binary':
      return binaryText(m.str(e.text));
    case 'numeric':
      return decimalText(m.num(e.number), use.scale);
    case 'date':
      return dateText(m.num(e.number));
    case 'ip':
      return ipText(m.bool(e.ip.isV6), m.num(e.ip.v4), m.num(e.ip.v6));
  }
}

// ------------------------------------------------------------------ a concrete request as constraints

/**
 * Constraints that fix the symbolic request to a concrete one (for the
 * differential tests). Throws when the request is outside the symbolic
 * domain (a principal ARN of another form, more list elements than the
 * key has, a number finer than the key's scale).
 */
export function requestIs(r: SymbolicRequest, request: AccessRequest): Term[] {
  const out: Term[] = principalIs(r, request.principal);
  out.push(eq(r.action, c(request.action.toLowerCase())));
  out.push(eq(r.resource, c(request.resource)));
  const given = new Map<string, ContextValue>();
  for (const [k, v] of Object.entries(request.context ?? {})) given.set(k.toLowerCase(), v);
  for (const [lower, key] of r.keys) {
    const value = given.get(lower);
    const list = value === undefined ? [] : typeof value === 'string' ? [value] : value;
    if (list.length > key.elements.length)
      throw new Error(`requestIs: ${key.use.name} has more values than the encoding keeps`);
    out.push(typeof value === 'string' ? key.single : not(key.single));
    key.elements.forEach((e, i) => {
      if (i >= list.length) return out.push(not(e.used));
      out.push(e.used, elementIs(key.use, e, list[i]));
    });
  }
  return out;
}

/**
 * "The principal's ARN (`arn`), its session's role ARN (`roleArn`) or its
 * account-root ARN (`rootArn`) is `text`", as equations on the components:
 * exactly equivalent to the string equation under the definitions and the
 * domain of `requestDomain`, because each ARN format splits a text in at
 * most one way (partition and account hold no `:`; a path is empty or ends
 * in `/` and a leaf or role holds no `/`), and a text that fits no format
 * equals no ARN of the domain. Z3's string solver needs seconds for some of
 * the concatenation equations these replace.
 */
export function principalArnIs(
  r: SymbolicRequest,
  which: 'arn' | 'roleArn' | 'rootArn',
  text: string,
): Term {
  const p = r.principal;
  const m = /^arn:([^:]*):(iam|sts)::([^:]*):(.*)$/su.exec(text);
  if (m === null) return falseTerm;
  const [, partition, service, account, resource] = m;
  const base = [eq(p.partition, c(partition)), eq(p.account, c(account))];
  const shaped = (shape: AwsShape, ...rest: Term[]) =>
    and(eq(p.shape, intConst(BigInt(AWS_SHAPES.indexOf(shape)))), ...base, ...rest);
  const pathAndLeaf = (rest: string, path: Term, leaf: Term) => {
    const cut = rest.lastIndexOf('/') + 1;
    return [eq(path, c(rest.slice(0, cut))), eq(leaf, c(rest.slice(cut)))];
  };
  const after = (prefix: string) =>
    resource.startsWith(prefix) ? resource.slice(prefix.length) : undefined;
  if (which === 'rootArn')
    return service === 'iam' && resource === 'root' ? and(...base) : falseTerm;
  if (which === 'roleArn') {
    const rest = service === 'iam' ? after('role/') : undefined;
    return rest === undefined ? falseTerm : and(...base, ...pathAndLeaf(rest, p.rolePath, p.role));
  }
  if (service === 'iam') {
    if (resource === 'root') return shaped('root');
    for (const shape of ['user', 'role'] as const) {
      const rest = after(`${shape}/`);
      if (rest !== undefined) return shaped(shape, ...pathAndLeaf(rest, p.path, p.leaf));
    }
    return falseTerm;
  }
  const session = after('assumed-role/');
  if (session !== undefined) {
    const slash = session.indexOf('/');
    if (slash < 0) return falseTerm;
    return shaped(
      'assumed-role',
      eq(p.role, c(session.slice(0, slash))),
      eq(p.session, c(session.slice(slash + 1))),
    );
  }
  const federated = after('federated-user/');
  return federated === undefined
    ? falseTerm
    : shaped('federated-user', ...pathAndLeaf(federated, p.path, p.leaf));
}

/** Constraints that fix the symbolic principal to a concrete one (in the domain). */
export function principalIs(r: SymbolicRequest, rp: RequestPrincipal): Term[] {
  const p = r.principal;
  const out: Term[] = [eq(p.kind, intConst(BigInt(PRINCIPAL_KINDS.indexOf(rp.kind))))];
  switch (rp.kind) {
    case 'anonymous':
      break;
    case 'service':
      out.push(eq(p.name, c(rp.name)));
      break;
    case 'federated':
      out.push(eq(p.name, c(rp.provider)));
      break;
    case 'canonical-user':
      out.push(eq(p.name, c(rp.id)));
      break;
    case 'aws':
      out.push(eq(p.arn, c(rp.arn)), ...awsPrincipalIs(r, rp.arn, rp.roleArn));
      break;
  }
  return out;
}

/** The components of an aws principal's ARN (request.ts grammar), as equations. */
function awsPrincipalIs(r: SymbolicRequest, arn: string, roleArn: string | undefined): Term[] {
  const p = r.principal;
  const info = parsePrincipalArn(arn);
  const resource = arn.split(':').slice(5).join(':');
  const shape = info?.kind === 'other' ? undefined : info?.kind;
  if (info === undefined || shape === undefined)
    throw new Error(`requestIs: ${arn} is outside the symbolic principal domain`);
  const out = [
    eq(p.shape, intConst(BigInt(AWS_SHAPES.indexOf(shape)))),
    eq(p.partition, c(info.partition)),
    eq(p.account, c(info.account)),
  ];
  const rest = resource.slice(resource.indexOf('/') + 1);
  if (shape === 'assumed-role') {
    const role = rest.slice(0, rest.indexOf('/'));
    const head = `arn:${info.partition}:iam::${info.account}:role/`;
    const rolePath =
      roleArn === undefined ? '' : roleArn.slice(head.length, roleArn.length - role.length);
    out.push(eq(p.role, c(role)), eq(p.session, c(rest.slice(role.length + 1))));
    out.push(eq(p.rolePath, c(rolePath)));
  } else if (shape !== 'root') {
    const cut = rest.lastIndexOf('/') + 1;
    out.push(eq(p.path, c(rest.slice(0, cut))), eq(p.leaf, c(rest.slice(cut))));
  }
  return out;
}

function elementIs(use: KeyUse, e: SymbolicElement, text: string): Term {
  switch (use.kind) {
    case 'string':
      return eq(e.text, c(text));
    case 'binary': {
      const hex = parseBase64(text);
      return hex === undefined ? e.unreadable : and(not(e.unreadable), eq(e.text, c(hex)));
    }
    case 'numeric': {
      const d = parseDecimal(text);
      if (d === undefined) return e.unreadable;
      return and(not(e.unreadable), eq(e.number, intConst(scaled(d, use.scale))));
    }
    case 'date': {
      const ms = parseDate(text);
      return ms === undefined
        ? e.unreadable
        : and(not(e.unreadable), eq(e.number, intConst(BigInt(ms))));
    }
    case 'ip': {
      const a = parseIp(text);
      if (a === undefined) return e.unreadable;
      return and(
        not(e.unreadable),
        a.family === 6
          ? and(e.ip.isV6, eq(e.ip.v6, bvC(128, a.value)))
          : and(not(e.ip.isV6), eq(e.ip.v4, bvC(32, a.value))),
      );
    }
  }
}

// ------------------------------------------------------------------ the small-model argument, concretely

/**
 * The subset of each multivalued key's values that the small-model argument
 * keeps (module comment): per condition entry on the key, one element that
 * satisfies it (existential entries) or falsifies it (universal ones), and
 * the first element when none was kept. The decision of `evaluate` is the
 * same for the result, which has at most max(1, m) values per key.
 */
export function shrinkContext(
  policies: readonly PolicyInput[],
  request: AccessRequest,
): AccessRequest {
  const context = requestContext(request.context);
  const lookup = (k: string) => context.variable(k);
  const entries = policies.flatMap((p) => p.policy.statements.flatMap((s) => s.conditions));
  const out: Record<string, ContextValue> = {};
  for (const [name, value] of Object.entries(request.context ?? {})) {
    if (typeof value === 'string' || value.length === 0) {
      out[name] = value;
      continue;
    }
    const keep = new Set<number>();
    for (const e of entries) {
      if (e.key.toLowerCase() !== name.toLowerCase() || e.operator.base === 'Null') continue;
      const universal =
        e.operator.set === 'ForAllValues' || (e.operator.set === undefined && e.operator.negated);
      const i = value.findIndex((v) => baseHolds(e.operator, e.values, v, lookup) !== universal);
      if (i !== -1) keep.add(i);
    }
    if (keep.size === 0) keep.add(0);
    out[name] = value.filter((_, i) => keep.has(i));
  }
  return { ...request, context: out };
}
