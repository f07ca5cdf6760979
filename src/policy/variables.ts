/**
 * Policy variables: `${aws:username}`, `${aws:PrincipalTag/team}`,
 * `${key, 'default'}`, and the escapes `${*}`, `${?}`, `${$}`.
 *
 * Source: "IAM policy elements: Variables and tags" (AWS IAM User Guide).
 * Rules implemented here:
 * - Variables are recognised only when the policy's `Version` is
 *   `2012-10-17`; otherwise `${...}` is literal text ("If you don't include
 *   the Version element and set it to an appropriate version date,
 *   variables like `${aws:username}` are treated as literal strings").
 * - `${*}`, `${?}` and `${$}` stand for a literal `*`, `?` and `$`
 *   ("Special characters").
 * - A default is written `${key, 'default'}` ("Specifying default values")
 *   and is used when the key is absent from the request.
 * - Key names are case-insensitive ("Key names are case-insensitive").
 * - A variable whose key is absent (and has no default) cannot be
 *   resolved: "any attempt to match it fails". We read this as: the policy
 *   value that contains it matches no request value (and so, under a
 *   negated operator or `NotResource`, it excludes nothing).
 * - Multivalued keys cannot be variables ("Single-valued vs. multivalued
 *   context keys" allows only single-valued keys as policy variables); a
 *   key whose request value is a list is treated as absent.
 * - Substituted values and defaults are literal: a `*` inside a user name
 *   or a tag value is not a wildcard (AWS does not document this; literal
 *   is the reading that cannot widen a grant by choosing a tag value).
 */
import { literalPattern, wildcardPattern, type Pattern, type PatternToken } from './wildcard.js';

export type TemplatePart =
  /** Text from the policy; `*` and `?` in it are wildcards where the operator allows them. */
  | { readonly kind: 'text'; readonly text: string }
  /** `${*}`, `${?}` or `${$}`: always the literal character. */
  | { readonly kind: 'escape'; readonly char: '*' | '?' | '$' }
  | { readonly kind: 'variable'; readonly key: string; readonly fallback: string | undefined };

export type Template = readonly TemplatePart[];

export interface TemplateProblem {
  readonly message: string;
}

export interface TemplateParse {
  readonly template: Template;
  /** Malformed `${...}` occurrences (kept as literal text in the template). */
  readonly problems: readonly TemplateProblem[];
}

/** The syntax of a variable body: `service:name` (a tag key may follow a `/`), optionally `, 'default'`. */
const VARIABLE_BODY =
  /^\s*([A-Za-z0-9][A-Za-z0-9._-]*:[^,'{}$]*[^\s,'{}$])\s*(?:,\s*'([^']*)'\s*)?$/;

/**
 * Splits policy text into literal text, escapes and variables. With
 * `variablesEnabled` false the whole text is one literal part.
 */
export function parseTemplate(text: string, variablesEnabled: boolean): TemplateParse {
  if (!variablesEnabled || !text.includes('${'))
    return { template: text === '' ? [] : [{ kind: 'text', text }], problems: [] };
  const parts: TemplatePart[] = [];
  const problems: TemplateProblem[] = [];
  let literal = '';
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('${', i);
    if (open === -1) {
      literal += text.slice(i);
      break;
    }
    literal += text.slice(i, open);
    const close = text.indexOf('}', open + 2);
    if (close === -1) {
      problems.push({
        message: `unterminated policy variable ${JSON.stringify(text.slice(open))}`,
      });
      literal += text.slice(open);
      break;
    }
    const body = text.slice(open + 2, close);
    const part = parseVariableBody(body);
    if (part === undefined) {
      problems.push({
        message: `malformed policy variable ${JSON.stringify(text.slice(open, close + 1))}: expected \${service:key}, \${service:key, 'default'}, \${*}, \${?} or \${$}`,
      });
      literal += text.slice(open, close + 1);
    } else {
      if (literal !== '') parts.push({ kind: 'text', text: literal });
      literal = '';
      parts.push(part);
    }
    i = close + 1;
  }
  if (literal !== '') parts.push({ kind: 'text', text: literal });
  return { template: parts, problems };
}

function parseVariableBody(body: string): TemplatePart | undefined {
  if (body === '*' || body === '?' || body === '$') return { kind: 'escape', char: body };
  const m = VARIABLE_BODY.exec(body);
  if (m === null) return undefined;
  return { kind: 'variable', key: m[1], fallback: m[2] };
}

export function hasVariables(template: Template): boolean {
  return template.some((p) => p.kind === 'variable');
}

/**
 * Looks a key up in the request: the single value, or undefined when the
 * key is absent or multivalued. Keys are compared case-insensitively by
 * the lookup (see request.ts).
 */
export type VariableLookup = (key: string) => string | undefined;

/** A template with its variables replaced: policy text (may hold wildcards) and literal text. */
export type Resolved = readonly { readonly wild: boolean; readonly text: string }[];

/**
 * Substitutes every variable; undefined when some variable is absent from
 * the request and has no default (the value then matches nothing).
 */
export function resolveTemplate(template: Template, lookup: VariableLookup): Resolved | undefined {
  const out: { wild: boolean; text: string }[] = [];
  for (const part of template) {
    switch (part.kind) {
      case 'text':
        out.push({ wild: true, text: part.text });
        break;
      case 'escape':
        out.push({ wild: false, text: part.char });
        break;
      case 'variable': {
        const value = lookup(part.key) ?? part.fallback;
        if (value === undefined) return undefined;
        out.push({ wild: false, text: value });
        break;
      }
    }
  }
  return out;
}

/** The resolved text as one string (for operators without wildcards: `*` is then an ordinary character). */
export function resolvedText(resolved: Resolved): string {
  return resolved.map((r) => r.text).join('');
}

/** The resolved text as a wildcard pattern: only policy text contributes wildcards. */
export function resolvedPattern(resolved: Resolved): Pattern {
  const tokens: PatternToken[] = [];
  for (const r of resolved)
    tokens.push(...(r.wild ? wildcardPattern(r.text) : literalPattern(r.text)));
  return tokens;
}

/** Template text as written (for messages). */
export function templateSource(template: Template): string {
  return template
    .map((p) =>
      p.kind === 'text'
        ? p.text
        : p.kind === 'escape'
          ? `\${${p.char}}`
          : `\${${p.key}${p.fallback === undefined ? '' : `, '${p.fallback}'`}}`,
    )
    .join('');
}
