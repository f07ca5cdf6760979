/**
 * Python's back-translator (ir/syntax.ts): invariants as Python expressions
 * (`and`, `or`, `not`, `//`, `%`), values as Python literals.
 */
import type { SourceSyntax } from '../../ir/syntax.js';
import type { Value } from '../../ir/value.js';

function pyString(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}

function pyValue(v: Value): string {
  if (typeof v === 'bigint') return v.toString();
  switch (v.kind) {
    case 'string':
      return pyString(v.value);
    case 'array':
    case 'seq':
      return `[${v.elements.map(pyValue).join(', ')}]`;
    case 'record':
      return `{${v.fields.map((f) => `${pyString(f.name)}: ${pyValue(f.value)}`).join(', ')}}`;
    case 'map':
      return `{${[...v.entries].map(([i, x]) => `${i}: ${x}`).join(', ')}}  # else ${v.default}`;
  }
}

export const PYTHON_SYNTAX: SourceSyntax = {
  language: 'Python',
  and: 'and',
  or: 'or',
  not: 'not ',
  true: 'True',
  false: 'False',
  floorDiv: (a, b) => `${a} // ${b}`,
  floorMod: (a, b) => `${a} % ${b}`,
  value: pyValue,
};
