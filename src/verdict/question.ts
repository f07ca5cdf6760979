/**
 * Phrases the question a `prove` run answers, from the selected property
 * kinds, in the user's words ("For every x and y, does f return true?").
 */
import { PROPERTY_GROUPS, type IrFunction, type Property, type PropertyKind } from '../ir/ir.js';

const PHRASES: ReadonlyArray<readonly [PropertyKind, string]> = [
  ['returns-true', 'return true'],
  ['assertion', 'pass every assertion'],
  ['error-call', 'never reach an error call'],
  ['overflow', 'avoid signed overflow'],
  ['div-by-zero', 'never divide by zero'],
  ['shift', 'shift only by valid amounts'],
];

function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** Merges the phrases of the assertion kinds and of the undefined-behaviour kinds. */
function phrasesFor(kinds: ReadonlySet<PropertyKind>): string[] {
  const words: string[] = [];
  if (kinds.has('returns-true')) words.push('return true');
  if (kinds.has('assertion') || kinds.has('error-call')) words.push('pass every assertion');
  const ub = (['overflow', 'div-by-zero', 'shift'] as const).filter((k) => kinds.has(k));
  if (ub.length === 3) words.push('avoid undefined behaviour');
  else for (const k of ub) words.push(PHRASES.find(([kind]) => kind === k)?.[1] ?? k);
  const memory = MEMORY_KINDS.filter((k) => kinds.has(k));
  if (memory.length > 0) words.push('use memory safely');
  if (kinds.has('valid-memcleanup')) words.push('free all the memory it allocates');
  if (kinds.has('valid-memtrack')) words.push('never lose track of allocated memory');
  return words;
}

const MEMORY_KINDS: readonly PropertyKind[] = PROPERTY_GROUPS['memory-safety'];

/** The entry's inputs in words: a pointer parameter `p` is two IR inputs, `p == NULL` and its length. */
function inputNames(fn: IrFunction): string[] {
  const out: string[] = [];
  for (const p of fn.params) {
    if (p.sourceName.endsWith(' == NULL')) {
      out.push(`${p.sourceName.slice(0, -' == NULL'.length)} (NULL or a block of any length)`);
      continue;
    }
    if (p.sourceName.startsWith('elements at ')) continue;
    out.push(p.sourceName);
  }
  return out;
}

/** Whether the question assumes functions without a body change nothing (`--undefined-functions-pure`). */
function bodiless(fn: IrFunction): string {
  const pure = fn.edges.some(
    (e) => e.action.kind === 'havoc' && e.action.source.startsWith('no body: '),
  );
  return pure ? ' (functions without a body return any value and change nothing else)' : '';
}

/** How the question treats `malloc`, when the function allocates. */
function allocation(fn: IrFunction): string {
  const mayFail = fn.edges.some(
    (e) => e.action.kind === 'havoc' && e.action.source === 'malloc succeeds',
  );
  if (mayFail) return ' (malloc may return NULL)';
  const allocates = fn.locals.some((v) => v.sourceName === 'malloc(...)');
  return allocates ? ' (malloc never returns NULL)' : '';
}

/**
 * The question for the selected kinds, mentioning a kind only when the
 * function has a property of that kind (or when it was asked for by name:
 * `returns-true`).
 */
export function phraseQuestion(
  fn: IrFunction,
  selected: ReadonlySet<PropertyKind>,
  checked: readonly Property[],
): string {
  const kinds = new Set(checked.map((p) => p.kind));
  if (selected.has('returns-true')) kinds.add('returns-true');
  // Nothing of the selected kinds occurs: ask the question as selected.
  if (kinds.size === 0) for (const k of selected) kinds.add(k);
  const names = inputNames(fn);
  const quantifier = names.length === 0 ? '' : `For every ${joinWords(names)}, `;
  const does = quantifier === '' ? 'Does' : 'does';
  const words = phrasesFor(kinds);
  const what = words.length === 0 ? 'satisfy its properties' : joinWords(words);
  return `${quantifier}${does} ${fn.name} ${what}?${allocation(fn)}${bodiless(fn)}`;
}
