/**
 * The `args:` header of the golden corpora (C, loops, Python, terminates):
 * CLI-style options, read into option → values. Flags take no value; every
 * other accepted option takes one (repeatable). An unknown option or a
 * missing value throws, naming it.
 */
export type CorpusArgs = ReadonlyMap<string, readonly string[]>;

export function readCorpusArgs(
  args: string,
  withValue: readonly string[],
  flags: readonly string[] = [],
): CorpusArgs {
  const tokens = args.split(/\s+/).filter((t) => t !== '');
  const out = new Map<string, string[]>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const list = out.get(t) ?? [];
    out.set(t, list);
    if (flags.includes(t)) {
      list.push('');
      continue;
    }
    if (!withValue.includes(t)) throw new Error(`unknown option in args: ${t}`);
    const v = tokens[++i];
    if (v === undefined) throw new Error(`option ${t} needs a value`);
    list.push(v);
  }
  return out;
}

/** The (last) value of `option`, if given. */
export function argValue(args: CorpusArgs, option: string): string | undefined {
  const list = args.get(option);
  return list === undefined ? undefined : list[list.length - 1];
}
