/**
 * The questions `npm run bench:load` asks (and `npm run bench` times): the
 * article's examples as the tour asks them, and every case of the golden
 * corpora — C (`test/corpus/cases`), loops (`test/corpus/loops`), Python
 * (`test/python-corpus/cases`) and termination (`test/terminates/cases`) —
 * each as the `arc` command line a user would type, with its expected answer.
 *
 * The corpora's headers are read by the tests' own loaders (test/…/support.ts
 * and cases.ts, compiled into dist/ with the benchmarks), so a case the tests
 * reject is rejected here too; the command line is the header's `args:` as
 * written, less `--timeout` (every case gets arc's default budget).
 */
import { join } from 'node:path';
import { articleDirectory } from '../src/cli/commands/tour.js';
import * as cCorpus from '../test/corpus/support.js';
import * as pythonCorpus from '../test/python-corpus/cases.js';
import * as terminatesCorpus from '../test/terminates/cases.js';

export type Expectation = 'yes' | 'no' | 'unknown';

export type Suite = 'article' | 'corpus' | 'loops' | 'python' | 'terminates';

/** The suites in the order they are collected (and reported). */
export const SUITES: readonly Suite[] = ['article', 'corpus', 'loops', 'python', 'terminates'];

/** One question: what to run and the answer it should get. */
export interface BenchCase {
  /** `SUITE/FILE` (`corpus/abs_overflow_no.c`): what `--filter` matches and reports name. */
  readonly id: string;
  readonly suite: Suite;
  /** The program's absolute path. */
  readonly file: string;
  /** The arguments after `arc`: the command, the file, the case's options (no `--json`, no `--timeout`). */
  readonly args: readonly string[];
  readonly expected: Expectation;
  /** A known gap of arc (`gap:` header): don't know is accepted, the opposite answer never. */
  readonly gap: boolean;
}

/**
 * The tour's questions (src/cli/commands/tour.ts, less `arc test`'s
 * measurement, which is not an answer) with the answers the README gives.
 */
const ARTICLE: readonly {
  readonly file: string;
  readonly command: 'prove' | 'terminates';
  readonly options: readonly string[];
  readonly expected: Expectation;
}[] = [
  {
    file: 'f.c',
    command: 'prove',
    options: ['--function', 'f', '--returns-true'],
    expected: 'yes',
  },
  { file: 'g.c', command: 'terminates', options: ['--function', 'g'], expected: 'yes' },
  { file: 'g.py', command: 'terminates', options: ['--function', 'g'], expected: 'yes' },
  { file: 'g2.c', command: 'terminates', options: ['--function', 'g2'], expected: 'no' },
  { file: 'h.c', command: 'terminates', options: ['--function', 'h'], expected: 'unknown' },
];

/** A header's `args:` as command-line words, without `--timeout S`. */
function headerArgs(args: string | undefined): string[] {
  const words = (args ?? '').split(/\s+/).filter((w) => w !== '');
  const kept: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if (words[i] === '--timeout') i++;
    else kept.push(words[i]);
  }
  return kept;
}

/** The article's examples, from `../shared/article` beside the repository or `examples/` (as the tour). */
export function articleCases(dir: string = articleDirectory()): BenchCase[] {
  return ARTICLE.map((q) => {
    const file = join(dir, q.file);
    return {
      id: `article/${q.file}`,
      suite: 'article',
      file,
      args: [q.command, file, ...q.options],
      expected: q.expected,
      gap: false,
    };
  });
}

/** The C corpus (`suite` corpus, from `cases/`) or the loop corpus (`loops/`): `arc prove FILE ARGS`. */
export function cCorpusCases(suite: 'corpus' | 'loops', dir?: string): BenchCase[] {
  const folder = dir ?? (suite === 'corpus' ? cCorpus.CASES_DIR : cCorpus.LOOPS_DIR);
  return cCorpus.caseFiles(folder).map((name) => {
    const c = cCorpus.loadCase(name, folder);
    return {
      id: `${suite}/${name}`,
      suite,
      file: c.file,
      args: ['prove', c.file, ...headerArgs(cCorpus.parseHeader(c.source).get('args'))],
      expected: c.expect,
      gap: c.gap !== undefined,
    };
  });
}

/** The Python corpus: `arc prove|terminates FILE ARGS` (the `command:` header). */
export function pythonCases(): BenchCase[] {
  return pythonCorpus.caseNames(pythonCorpus.CASES_DIR).map((name) => {
    const c = pythonCorpus.loadCase(pythonCorpus.CASES_DIR, name);
    return {
      id: `python/${name}`,
      suite: 'python',
      file: c.file,
      args: [c.command, c.file, ...headerArgs(pythonCorpus.parseHeader(c.source).get('args'))],
      expected: c.expect,
      gap: false,
    };
  });
}

/** The termination corpus (C and Python): `arc terminates FILE ARGS`. */
export function terminatesCases(): BenchCase[] {
  return terminatesCorpus.caseNames.map((name) => {
    const c = terminatesCorpus.loadCase(name);
    const header = terminatesCorpus.parseHeader(c.source, c.language === 'python' ? '#' : '//');
    return {
      id: `terminates/${name}`,
      suite: 'terminates',
      file: c.file,
      args: ['terminates', c.file, ...headerArgs(header.get('args'))],
      expected: c.expect,
      gap: c.gap !== undefined,
    };
  });
}

/** Every case of every suite, in suite order and by file name within a suite. */
export function collectCases(): BenchCase[] {
  return [
    ...articleCases(),
    ...cCorpusCases('corpus'),
    ...cCorpusCases('loops'),
    ...pythonCases(),
    ...terminatesCases(),
  ];
}
