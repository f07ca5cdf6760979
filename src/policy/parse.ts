/**
 * Policy text → typed `Policy` (model.ts) plus diagnostics.
 *
 * Guarantees:
 * - Never throws on bad input and never recurses on the input's nesting:
 *   the JSON reader is iterative and the validator only descends the fixed
 *   shape of a policy (document → statement → condition → operator → key →
 *   values), reporting anything deeper as a wrong type.
 * - Every problem is a diagnostic with a stable code and the JSON path of
 *   the value concerned, and its line:col when the policy came from text.
 *   Bad input (AWS would reject the policy), unsupported constructs and
 *   advice are told apart by code (diagnostics.ts).
 * - A `policy` is returned whenever the document is an object with a usable
 *   `Statement`; statements too broken to evaluate (no valid `Effect`, no
 *   `Action`/`NotAction`) are left out of it, and are always reported.
 *   Callers must not answer yes/no when `hasErrors(diagnostics)`.
 *
 * The grammar follows "IAM JSON policy element reference" and "Grammar of
 * the IAM JSON policy language" (AWS IAM User Guide); the reading of each
 * condition value follows "IAM JSON policy elements: Condition operators".
 */
import { splitPatternComponents } from './arn.js';
import {
  policyDiagnostic,
  policyDiagnosticKind,
  type PolicyDiagnostic,
  type PolicyDiagnosticCode,
} from './diagnostics.js';
import { parseCidr } from '../core/ip.js';
import {
  formatPath,
  fromPlain,
  LineIndex,
  parseJson,
  type JsonNode,
  type JsonObject,
} from '../core/json.js';
import type {
  ActionElement,
  ConditionEntry,
  ConditionValue,
  Effect,
  Policy,
  PolicyType,
  PolicyVersion,
  PrincipalElement,
  PrincipalEntry,
  ResourceElement,
  Statement,
} from './model.js';
import { nearest, parseOperator, type ConditionOperator } from './operators.js';
import { parseBase64, parseBool, parseDate, parseDecimal } from './scalars.js';
import {
  hasVariables,
  parseTemplate,
  resolvedPattern,
  resolveTemplate,
  type Template,
} from './variables.js';

export interface PolicyParseResult {
  /** Undefined when the document is not a policy at all (see `diagnostics`). */
  readonly policy: Policy | undefined;
  readonly diagnostics: readonly PolicyDiagnostic[];
}

/** The file name diagnostics carry when the caller gives none. */
const DEFAULT_FILE = 'policy';

/** At most this many diagnostics are kept; a final note says how many more there were. */
export const MAX_DIAGNOSTICS = 1000;

/** Parses and validates policy JSON text. */
export function parsePolicy(text: string, file = DEFAULT_FILE): PolicyParseResult {
  const parsed = parseJson(text);
  if (!parsed.ok) {
    const e = parsed.error;
    return {
      policy: undefined,
      diagnostics: [
        policyDiagnostic('invalid-json', 'error', `invalid JSON: ${e.message}`, {
          file,
          jsonPath: '',
          line: e.line,
          col: e.col,
        }),
      ],
    };
  }
  const validator = new Validator(new LineIndex(text), file);
  for (const d of parsed.duplicates)
    validator.report(
      'duplicate-key',
      `duplicate key ${JSON.stringify(d.key)}: "Individual elements must not contain multiple instances of the same key", and JSON readers keep only one of the values`,
      d.path,
      d.offset,
    );
  return validator.run(parsed.value);
}

/** Validates a policy already read as a JavaScript value (positions are then unknown). */
export function policyFromValue(value: unknown, file = DEFAULT_FILE): PolicyParseResult {
  return new Validator(undefined, file).run(fromPlain(value));
}

/** `identity` when no statement names a principal, else `resource`. */
export function inferPolicyType(policy: Policy): PolicyType {
  return policy.statements.some((s) => s.principal !== undefined) ? 'resource' : 'identity';
}

/**
 * The problems of a policy used as the given type: an identity-based policy
 * cannot name a principal, a resource-based policy must ("AWS JSON policy
 * elements: Principal": "You cannot use the Principal element in an
 * identity-based policy"; "You must use the Principal element in
 * resource-based policies"). "Grammar of the IAM JSON policy language" also
 * says the `Id` element "must not be included in identity-based policies";
 * arc reports that as advice, not as bad input.
 */
export function checkPolicyType(
  policy: Policy,
  type: PolicyType,
  file = DEFAULT_FILE,
): PolicyDiagnostic[] {
  const out: PolicyDiagnostic[] = [];
  if (type === 'identity' && policy.id !== undefined)
    out.push(
      policyDiagnostic(
        'id-in-identity-policy',
        'warning',
        'the policy grammar reserves Id for resource-based policies',
        { file, jsonPath: 'Id' },
      ),
    );
  for (const s of policy.statements) {
    if (type === 'identity' && s.principal !== undefined)
      out.push(
        policyDiagnostic(
          'principal-in-identity-policy',
          'error',
          `an identity-based policy cannot have ${s.principal.negated ? 'NotPrincipal' : 'Principal'}`,
          { file, jsonPath: s.jsonPath },
        ),
      );
    if (type === 'resource' && s.principal === undefined)
      out.push(
        policyDiagnostic(
          'missing-principal',
          'error',
          'a statement of a resource-based policy needs Principal or NotPrincipal',
          { file, jsonPath: s.jsonPath },
        ),
      );
  }
  return out;
}

const TOP_FIELDS = ['Version', 'Id', 'Statement'];
const STATEMENT_FIELDS = [
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
];
const PRINCIPAL_TYPES = ['AWS', 'Service', 'Federated', 'CanonicalUser'];

type Segments = readonly (string | number)[];

interface ListItem {
  readonly value: string;
  readonly node: JsonNode;
  readonly path: Segments;
}

function severityOf(code: PolicyDiagnosticCode): PolicyDiagnostic['severity'] {
  if (policyDiagnosticKind(code) !== 'advice') return 'error';
  return code === 'no-resource' ? 'note' : 'warning';
}

function typeName(node: JsonNode): string {
  switch (node.kind) {
    case 'null':
      return 'null';
    case 'array':
    case 'object':
      return `an ${node.kind}`;
    default:
      return `a ${node.kind}`;
  }
}

function member(obj: JsonObject, key: string): JsonNode | undefined {
  return obj.members.find((m) => m.key === key)?.value;
}

class Validator {
  private readonly diagnostics: PolicyDiagnostic[] = [];
  private omitted = 0;
  private variablesEnabled = false;

  constructor(
    private readonly lines: LineIndex | undefined,
    private readonly file: string,
  ) {}

  report(code: PolicyDiagnosticCode, message: string, path: Segments | string, offset = -1): void {
    if (this.diagnostics.length >= MAX_DIAGNOSTICS) {
      this.omitted++;
      return;
    }
    const jsonPath = typeof path === 'string' ? path : formatPath(path);
    const at =
      this.lines === undefined || offset < 0
        ? { file: this.file, jsonPath }
        : { file: this.file, jsonPath, ...this.lines.position(offset) };
    this.diagnostics.push(policyDiagnostic(code, severityOf(code), message, at));
  }

  run(root: JsonNode): PolicyParseResult {
    const policy = this.document(root);
    if (this.omitted > 0)
      this.diagnostics.push(
        policyDiagnostic(
          'diagnostics-truncated',
          'note',
          `${this.omitted} more diagnostics not shown`,
          {
            file: this.file,
            jsonPath: '',
          },
        ),
      );
    return { policy, diagnostics: this.diagnostics };
  }

  private document(root: JsonNode): Policy | undefined {
    if (root.kind !== 'object') {
      this.report(
        'wrong-type',
        `a policy must be a JSON object, not ${typeName(root)}`,
        [],
        root.start,
      );
      return undefined;
    }
    this.unknownFields(root, TOP_FIELDS, []);
    const version = this.version(member(root, 'Version'));
    this.variablesEnabled = version === '2012-10-17';
    const idNode = member(root, 'Id');
    let id: string | undefined;
    if (idNode !== undefined) {
      if (idNode.kind === 'string') id = idNode.value;
      else
        this.report(
          'wrong-type',
          `Id must be a string, not ${typeName(idNode)}`,
          ['Id'],
          idNode.start,
        );
    }
    const statementNode = member(root, 'Statement');
    if (statementNode === undefined) {
      this.report('missing-field', 'a policy needs a Statement element', [], root.start);
      return undefined;
    }
    let nodes: { node: JsonNode; path: Segments }[];
    if (statementNode.kind === 'object') nodes = [{ node: statementNode, path: ['Statement'] }];
    else if (statementNode.kind === 'array') {
      nodes = statementNode.items.map((node, i) => ({ node, path: ['Statement', i] }));
      if (nodes.length === 0)
        this.report(
          'empty-statement',
          'Statement is an empty list: the policy says nothing',
          ['Statement'],
          statementNode.start,
        );
    } else {
      this.report(
        'wrong-type',
        `Statement must be an object or a list of objects, not ${typeName(statementNode)}`,
        ['Statement'],
        statementNode.start,
      );
      return undefined;
    }
    const statements: Statement[] = [];
    const sids = new Map<string, string>();
    nodes.forEach(({ node, path }, index) => {
      const statement = this.statement(node, index, path);
      if (statement === undefined) return;
      if (statement.sid !== undefined && statement.sid !== '') {
        const earlier = sids.get(statement.sid);
        if (earlier !== undefined)
          this.report(
            'duplicate-sid',
            `Sid ${JSON.stringify(statement.sid)} is also used by ${earlier}`,
            [...path, 'Sid'],
          );
        else sids.set(statement.sid, statement.jsonPath);
      }
      statements.push(statement);
    });
    return { version, id, statements };
  }

  private version(node: JsonNode | undefined): PolicyVersion | undefined {
    if (node === undefined) {
      this.report(
        'missing-version',
        'no Version: AWS applies 2008-10-17, in which policy variables are literal text; write "Version": "2012-10-17"',
        [],
      );
      return undefined;
    }
    if (node.kind === 'string' && (node.value === '2012-10-17' || node.value === '2008-10-17'))
      return node.value;
    this.report(
      'invalid-version',
      `Version must be "2012-10-17" or "2008-10-17", not ${node.kind === 'string' ? JSON.stringify(node.value) : typeName(node)}`,
      ['Version'],
      node.start,
    );
    return undefined;
  }

  private unknownFields(obj: JsonObject, allowed: readonly string[], path: Segments): void {
    for (const m of obj.members) {
      if (allowed.includes(m.key)) continue;
      const near = nearest(m.key, allowed);
      this.report(
        'unknown-field',
        `unknown field ${JSON.stringify(m.key)}${near ? ` (did you mean ${near}?)` : ''}`,
        [...path, m.key],
        m.keyStart,
      );
    }
  }

  private statement(node: JsonNode, index: number, path: Segments): Statement | undefined {
    if (node.kind !== 'object') {
      this.report(
        'wrong-type',
        `a statement must be an object, not ${typeName(node)}`,
        path,
        node.start,
      );
      return undefined;
    }
    this.unknownFields(node, STATEMENT_FIELDS, path);
    let sid: string | undefined;
    const sidNode = member(node, 'Sid');
    if (sidNode !== undefined) {
      if (sidNode.kind === 'string') sid = sidNode.value;
      else
        this.report(
          'wrong-type',
          `Sid must be a string, not ${typeName(sidNode)}`,
          [...path, 'Sid'],
          sidNode.start,
        );
    }
    const effect = this.effect(node, path);
    const principal = this.principalElement(node, path, effect);
    const action = this.actionElement(node, path);
    const resource = this.resourceElement(node, path);
    const conditionNode = member(node, 'Condition');
    const conditions =
      conditionNode === undefined ? [] : this.conditionBlock(conditionNode, [...path, 'Condition']);
    if (effect === undefined || action === undefined) return undefined;
    return {
      index,
      jsonPath: formatPath(path),
      sid,
      effect,
      principal,
      action,
      resource,
      conditions,
    };
  }

  private effect(node: JsonObject, path: Segments): Effect | undefined {
    const e = member(node, 'Effect');
    if (e === undefined) {
      this.report(
        'missing-field',
        'a statement needs an Effect ("Allow" or "Deny")',
        path,
        node.start,
      );
      return undefined;
    }
    if (e.kind === 'string' && (e.value === 'Allow' || e.value === 'Deny')) return e.value;
    const near = e.kind === 'string' ? nearest(e.value, ['Allow', 'Deny']) : undefined;
    this.report(
      'invalid-effect',
      `Effect must be "Allow" or "Deny", not ${e.kind === 'string' ? JSON.stringify(e.value) : typeName(e)}${near ? ` (did you mean ${near}?)` : ''}`,
      [...path, 'Effect'],
      e.start,
    );
    return undefined;
  }

  /** Reads a string or a non-empty list of strings. */
  private stringList(node: JsonNode, path: Segments, what: string): ListItem[] {
    if (node.kind === 'string') return [{ value: node.value, node, path }];
    if (node.kind !== 'array') {
      this.report(
        'wrong-type',
        `${what} must be a string or a list of strings, not ${typeName(node)}`,
        path,
        node.start,
      );
      return [];
    }
    if (node.items.length === 0)
      this.report('empty-value', `${what} is an empty list`, path, node.start);
    const out: ListItem[] = [];
    node.items.forEach((item, i) => {
      if (item.kind === 'string') out.push({ value: item.value, node: item, path: [...path, i] });
      else
        this.report(
          'wrong-type',
          `${what} entries must be strings, not ${typeName(item)}`,
          [...path, i],
          item.start,
        );
    });
    return out;
  }

  /** Finds the element or its Not… form; reports when both are present. */
  private pair(
    node: JsonObject,
    name: string,
    path: Segments,
  ): { value: JsonNode; negated: boolean } | undefined {
    const plain = member(node, name);
    const negatedNode = member(node, `Not${name}`);
    if (plain !== undefined && negatedNode !== undefined)
      this.report(
        'conflicting-fields',
        `a statement cannot have both ${name} and Not${name}`,
        [...path, `Not${name}`],
        node.members.find((m) => m.key === `Not${name}`)?.keyStart,
      );
    if (plain !== undefined) return { value: plain, negated: false };
    if (negatedNode !== undefined) return { value: negatedNode, negated: true };
    return undefined;
  }

  private actionElement(node: JsonObject, path: Segments): ActionElement | undefined {
    const found = this.pair(node, 'Action', path);
    if (found === undefined) {
      this.report('missing-field', 'a statement needs Action or NotAction', path, node.start);
      return undefined;
    }
    const name = found.negated ? 'NotAction' : 'Action';
    const items = this.stringList(found.value, [...path, name], name);
    for (const item of items) {
      if (item.value === '*') continue;
      const colon = item.value.indexOf(':');
      if (colon <= 0 || colon === item.value.length - 1)
        this.report(
          'invalid-action',
          `${JSON.stringify(item.value)} is not an action: write service:Action (e.g. "s3:GetObject") or "*"`,
          item.path,
          item.node.start,
        );
    }
    return { negated: found.negated, patterns: items.map((i) => i.value) };
  }

  private resourceElement(node: JsonObject, path: Segments): ResourceElement | undefined {
    const found = this.pair(node, 'Resource', path);
    if (found === undefined) {
      this.report(
        'no-resource',
        'no Resource or NotResource: the statement applies to the resource the policy is attached to (as in a role trust policy)',
        path,
        node.start,
      );
      return undefined;
    }
    const name = found.negated ? 'NotResource' : 'Resource';
    const patterns: Template[] = [];
    for (const item of this.stringList(found.value, [...path, name], name)) {
      const template = this.template(item);
      patterns.push(template);
      if (item.value !== '*' && !item.value.startsWith('arn:'))
        this.report(
          'resource-not-arn',
          `${JSON.stringify(item.value)} is neither "*" nor an ARN; it is matched as written`,
          item.path,
          item.node.start,
        );
      else if (hasVariables(template) && variableBeforeResourcePart(template))
        this.report(
          'variable-outside-resource-part',
          'AWS allows policy variables only in the resource part of an ARN (after the fifth colon)',
          item.path,
          item.node.start,
        );
    }
    return { negated: found.negated, patterns };
  }

  /** Reads text that may hold policy variables, reporting malformed ones. */
  private template(item: ListItem): Template {
    const { template, problems } = parseTemplate(item.value, this.variablesEnabled);
    for (const p of problems)
      this.report('invalid-variable', p.message, item.path, item.node.start);
    if (!this.variablesEnabled && item.value.includes('${'))
      this.report(
        'variables-disabled',
        'policy variables need "Version": "2012-10-17"; here ${…} is literal text',
        item.path,
        item.node.start,
      );
    return template;
  }

  private principalElement(
    node: JsonObject,
    path: Segments,
    effect: Effect | undefined,
  ): PrincipalElement | undefined {
    const found = this.pair(node, 'Principal', path);
    if (found === undefined) return undefined;
    const name = found.negated ? 'NotPrincipal' : 'Principal';
    const p = [...path, name];
    if (found.negated && effect === 'Allow')
      this.report(
        'not-principal-with-allow',
        'NotPrincipal with Allow grants access to everyone not listed, anonymous users included',
        p,
        found.value.start,
      );
    const value = found.value;
    if (value.kind === 'string') {
      if (value.value === '*') return { negated: found.negated, entries: [{ kind: 'all' }] };
      this.report(
        'invalid-principal',
        `a ${name} string must be "*"; name principals as {"AWS": …}, {"Service": …}, {"Federated": …} or {"CanonicalUser": …}`,
        p,
        value.start,
      );
      return { negated: found.negated, entries: [] };
    }
    if (value.kind !== 'object') {
      this.report(
        'wrong-type',
        `${name} must be "*" or an object, not ${typeName(value)}`,
        p,
        value.start,
      );
      return { negated: found.negated, entries: [] };
    }
    if (value.members.length === 0)
      this.report('empty-value', `${name} is an empty object`, p, value.start);
    const entries: PrincipalEntry[] = [];
    for (const m of value.members) {
      if (!PRINCIPAL_TYPES.includes(m.key)) {
        const near = nearest(m.key, PRINCIPAL_TYPES);
        this.report(
          'unknown-principal-type',
          `unknown principal type ${JSON.stringify(m.key)}${near ? ` (did you mean ${near}?)` : ''}; use AWS, Service, Federated or CanonicalUser`,
          [...p, m.key],
          m.keyStart,
        );
        continue;
      }
      for (const item of this.stringList(m.value, [...p, m.key], `${name}.${m.key}`)) {
        const entry = this.principalEntry(m.key, item);
        if (entry !== undefined) entries.push(entry);
      }
    }
    return { negated: found.negated, entries };
  }

  private principalEntry(type: string, item: ListItem): PrincipalEntry | undefined {
    const v = item.value;
    if (v !== '*' && (v.includes('*') || v.includes('?'))) {
      this.report(
        'invalid-principal',
        `${JSON.stringify(v)}: a wildcard cannot match part of a principal; use "*" with a condition on aws:PrincipalArn instead`,
        item.path,
        item.node.start,
      );
      return undefined;
    }
    switch (type) {
      case 'AWS': {
        if (v === '*') return { kind: 'all' };
        if (/^[0-9]{12}$/.test(v)) return { kind: 'account', account: v };
        const root = /^arn:[^:]+:iam::([0-9]+):root$/.exec(v);
        const arn = /^arn:[^:]+:(iam|sts)::([0-9]+):.+/.exec(v);
        if ((root !== null && root[1].length !== 12) || (arn !== null && arn[2].length !== 12))
          // Kept in the model (a lenient caller may still evaluate), but AWS rejects it.
          this.report(
            'invalid-principal',
            `${JSON.stringify(v)}: an account id has 12 digits`,
            item.path,
            item.node.start,
          );
        if (root !== null) return { kind: 'account', account: root[1] };
        if (arn !== null) return { kind: 'aws-arn', arn: v };
        if (/^A[A-Z0-9]{15,127}$/.test(v)) {
          this.report(
            'unsupported-principal',
            `${JSON.stringify(v)} is a unique principal id (AWS writes one when the named user or role was deleted); arc cannot tell which principal it is`,
            item.path,
            item.node.start,
          );
          return { kind: 'aws-arn', arn: v };
        }
        this.report(
          'invalid-principal',
          `${JSON.stringify(v)} is not an AWS principal: use "*", a 12-digit account id or an IAM/STS principal ARN`,
          item.path,
          item.node.start,
        );
        return undefined;
      }
      case 'Service':
        return { kind: 'service', name: v };
      case 'Federated':
        return { kind: 'federated', provider: v };
      default:
        return { kind: 'canonical-user', id: v };
    }
  }

  private conditionBlock(node: JsonNode, path: Segments): ConditionEntry[] {
    if (node.kind !== 'object') {
      this.report(
        'wrong-type',
        `Condition must be an object, not ${typeName(node)}`,
        path,
        node.start,
      );
      return [];
    }
    const entries: ConditionEntry[] = [];
    for (const m of node.members) {
      const opPath = [...path, m.key];
      const parsed = parseOperator(m.key);
      if (!parsed.ok) {
        this.report(parsed.code, parsed.message, opPath, m.keyStart);
        continue;
      }
      if (m.value.kind !== 'object') {
        this.report(
          'wrong-type',
          `the value of ${m.key} must be an object of condition keys, not ${typeName(m.value)}`,
          opPath,
          m.value.start,
        );
        continue;
      }
      if (m.value.members.length === 0)
        this.report('empty-value', `${m.key} has no condition keys`, opPath, m.value.start);
      for (const k of m.value.members) {
        const keyPath = [...opPath, k.key];
        if (k.key === '')
          this.report('wrong-type', 'a condition key cannot be empty', keyPath, k.keyStart);
        const values = this.conditionValues(parsed.operator, k.value, keyPath);
        entries.push({
          jsonPath: formatPath(keyPath),
          operator: parsed.operator,
          key: k.key,
          values,
        });
      }
    }
    return entries;
  }

  private conditionValues(op: ConditionOperator, node: JsonNode, path: Segments): ConditionValue[] {
    const scalars: ListItem[] = [];
    const scalarText = (n: JsonNode): string | undefined =>
      n.kind === 'string'
        ? n.value
        : n.kind === 'number'
          ? n.raw
          : n.kind === 'boolean'
            ? String(n.value)
            : undefined;
    if (node.kind === 'array') {
      if (node.items.length === 0)
        this.report('empty-value', 'a condition key needs at least one value', path, node.start);
      node.items.forEach((item, i) => {
        const text = scalarText(item);
        if (text !== undefined) scalars.push({ value: text, node: item, path: [...path, i] });
        else
          this.report(
            'wrong-type',
            `condition values must be strings, numbers or booleans, not ${typeName(item)}`,
            [...path, i],
            item.start,
          );
      });
    } else {
      const text = scalarText(node);
      if (text !== undefined) scalars.push({ value: text, node, path });
      else
        this.report(
          'wrong-type',
          `a condition value must be a string, number, boolean or a list of them, not ${typeName(node)}`,
          path,
          node.start,
        );
    }
    return scalars.map((item) => this.conditionValue(op, item));
  }

  private conditionValue(op: ConditionOperator, item: ListItem): ConditionValue {
    const bad = (code: PolicyDiagnosticCode, what: string): ConditionValue => {
      const hint = item.value.includes('${')
        ? ` (policy variables are not allowed with ${op.base})`
        : '';
      this.report(
        code,
        `${op.text} needs ${what}, not ${JSON.stringify(item.value)}${hint}`,
        item.path,
        item.node.start,
      );
      return { kind: 'invalid', raw: item.value };
    };
    switch (op.family) {
      case 'string':
        return { kind: 'template', template: this.template(item) };
      case 'arn': {
        const template = this.template(item);
        if (!hasVariables(template)) {
          const resolved = resolveTemplate(template, () => undefined);
          if (
            resolved !== undefined &&
            splitPatternComponents(resolvedPattern(resolved)) === undefined
          )
            this.report(
              'arn-pattern-malformed',
              `${JSON.stringify(item.value)} has fewer than six colon-separated parts, so ${op.base} matches nothing with it`,
              item.path,
              item.node.start,
            );
        }
        return { kind: 'template', template };
      }
      case 'bool': {
        const template = this.template(item);
        if (!hasVariables(template) && parseBool(item.value) === undefined)
          return bad('invalid-bool', 'true or false');
        return { kind: 'template', template };
      }
      case 'numeric': {
        const value = parseDecimal(item.value);
        return value === undefined ? bad('invalid-number', 'a number') : { kind: 'number', value };
      }
      case 'date': {
        const epochMillis = parseDate(item.value);
        return epochMillis === undefined
          ? bad(
              'invalid-date',
              'an ISO 8601 date (2024-01-31, 2024-01-31T12:00:00Z) or epoch seconds',
            )
          : { kind: 'date', epochMillis };
      }
      case 'ip': {
        const cidr = parseCidr(item.value);
        return cidr === undefined
          ? bad('invalid-ip', 'an IPv4 or IPv6 address or CIDR range')
          : { kind: 'ip', cidr };
      }
      case 'binary': {
        const hex = parseBase64(item.value);
        return hex === undefined
          ? bad('invalid-binary', 'base-64 encoded bytes')
          : { kind: 'binary', hex };
      }
      case 'null': {
        const isNull = parseBool(item.value);
        return isNull === undefined
          ? bad('invalid-null-value', 'true or false')
          : { kind: 'null', isNull };
      }
    }
  }
}

/** Does a variable occur before the fifth colon of the literal text? */
function variableBeforeResourcePart(template: Template): boolean {
  let colons = 0;
  for (const part of template) {
    if (part.kind === 'variable') return colons < 5;
    if (part.kind === 'text') colons += part.text.split(':').length - 1;
    if (colons >= 5) return false;
  }
  return false;
}
