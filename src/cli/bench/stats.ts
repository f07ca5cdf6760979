/** Time statistics and Markdown helpers of the benchmark reports. */

/** The median (the mean of the middle two for an even count); 0 for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The nearest-rank percentile (`p` in 0..100); 0 for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** `n/d (p%)`, or `n/0` when there is nothing to divide by. */
export function ratio(n: number, d: number): string {
  return d === 0 ? `${n}/0` : `${n}/${d} (${((100 * n) / d).toFixed(1)}%)`;
}

/** Counts per key, most frequent first, ties by key. */
export function countBy<T>(items: readonly T[], key: (item: T) => string): [string, number][] {
  const groups = new Map<string, number>();
  for (const item of items) groups.set(key(item), (groups.get(key(item)) ?? 0) + 1);
  return [...groups].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** Table cells must not break the Markdown table. */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
}

/** A Markdown table; cells are escaped with `cell`. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const line = (cells: readonly string[]): string => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(line)];
}
