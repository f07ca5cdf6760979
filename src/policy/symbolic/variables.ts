/**
 * Mirrors `../variables.ts` (`resolveTemplate`, `resolvedText`,
 * `resolvedPattern`): a policy variable is replaced by the String term of
 * its key's single value (symbolic request), or by its default when the key
 * has no single value; `defined` is false exactly when the concrete
 * `resolveTemplate` returns undefined (a variable without a default whose
 * key is absent or multivalued). Substituted text is literal (never a
 * wildcard), as concretely.
 */
import { conjunction, ite, strConcat, strConst, type Term } from '../../smt/index.js';
import type { Template } from '../variables.js';
import { wildcardPattern } from '../wildcard.js';
import { liftPattern, type SymbolicPattern } from './wildcard.js';

/** A key's value as a policy variable: `defined` when it has exactly one (string) value. */
export interface SymbolicVariable {
  readonly defined: Term;
  readonly value: Term;
}

export type SymbolicLookup = (key: string) => SymbolicVariable;

export interface SymbolicResolved {
  /** False exactly when the concrete resolution fails. */
  readonly defined: Term;
  readonly parts: readonly { readonly wild: boolean; readonly text: Term; readonly raw?: string }[];
}

/** `resolveTemplate` (with `defined` in place of undefined). */
export function resolveSymbolic(template: Template, lookup: SymbolicLookup): SymbolicResolved {
  const defined: Term[] = [];
  const parts: { wild: boolean; text: Term; raw?: string }[] = [];
  for (const part of template) {
    switch (part.kind) {
      case 'text':
        parts.push({ wild: true, text: strConst(part.text), raw: part.text });
        break;
      case 'escape':
        parts.push({ wild: false, text: strConst(part.char) });
        break;
      case 'variable': {
        const v = lookup(part.key);
        if (part.fallback === undefined) {
          defined.push(v.defined);
          parts.push({ wild: false, text: v.value });
        } else parts.push({ wild: false, text: ite(v.defined, v.value, strConst(part.fallback)) });
        break;
      }
    }
  }
  return { defined: conjunction(defined), parts };
}

/** `resolvedText`. */
export function resolvedTextSymbolic(resolved: SymbolicResolved): Term {
  return strConcat(...resolved.parts.map((p) => p.text));
}

/** `resolvedPattern`: only policy text contributes wildcards. */
export function resolvedPatternSymbolic(resolved: SymbolicResolved): SymbolicPattern {
  return resolved.parts.flatMap((p) =>
    p.wild && p.raw !== undefined
      ? liftPattern(wildcardPattern(p.raw))
      : [{ kind: 'text' as const, text: p.text }],
  );
}
