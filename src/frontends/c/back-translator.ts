/**
 * C's back-translator (ir/syntax.ts): invariants as C expressions (C has no
 * floor division: it is shown as a helper call, the remainder spelled out),
 * values as C literals and initialisers.
 */
import type { SourceSyntax } from '../../ir/syntax.js';
import type { Value } from '../../ir/value.js';

function cValue(v: Value): string {
  if (typeof v === 'bigint') return v.toString();
  switch (v.kind) {
    case 'string':
      return JSON.stringify(v.value);
    case 'array':
    case 'seq':
      return `{${v.elements.map(cValue).join(', ')}}`;
    case 'record':
      return `{${v.fields.map((f) => `.${f.name} = ${cValue(f.value)}`).join(', ')}}`;
    case 'map':
      return `{${[...v.entries]
        .sort((a, b) => (a[0] < b[0] ? -1 : 1))
        .map(([i, x]) => `[${i}] = ${x}`)
        .join(', ')}} /* else ${v.default} */`;
  }
}

export const C_SYNTAX: SourceSyntax = {
  language: 'C',
  and: '&&',
  or: '||',
  not: '!',
  true: '1',
  false: '0',
  floorDiv: (a, b) => `floor_div(${a}, ${b})`,
  floorMod: (a, b) => `((${a} % ${b} + ${b}) % ${b})`,
  value: cValue,
};
