/**
 * The back-translator a front-end supplies with its IR: how its language
 * writes what arc shows the user — the connectives and operators of an
 * invariant, ranking function or recurrent set, and values (inputs, nondet
 * choices, the values on a counterexample's path). Engines and the verdict
 * layer print through it and know no language's syntax themselves.
 *
 * Purely cosmetic: certificates carry the exact formula as SMT-LIB, and
 * witnesses carry the values themselves (value.ts).
 */
import type { Value } from './value.js';

export interface SourceSyntax {
  /** The language's name, for messages: `C`, `Python`. */
  readonly language: string;
  readonly and: string;
  readonly or: string;
  /** Logical negation, including any space it needs before its operand (`!`, `not `). */
  readonly not: string;
  readonly true: string;
  readonly false: string;
  /** Floor division and the matching remainder (shown as the language can write them). */
  floorDiv(a: string, b: string): string;
  floorMod(a: string, b: string): string;
  /** A value as a literal of the language: `-5`, `{1, 2}`, `[1, 2]`, `"abc"`. */
  value(v: Value): string;
}
