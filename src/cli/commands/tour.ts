/**
 * `arc tour`: the article's examples, each question with arc's answer, the
 * evidence and the time. Questions arc cannot answer yet are shown as don't
 * know with the reason — never as a guessed answer.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { prove } from '../../api/prove.js';
import { terminates } from '../../api/terminates.js';
import type { Verdict } from '../../verdict/verdict.js';
import { flag, parseCommandArgs, stringOption, UsageError } from '../common.js';
import { renderVerdictText, toJsonText, verdictToJson } from '../render.js';
import { TOUR_USAGE } from '../usage.js';
import { runBaselineFor } from './test.js';

const OPTIONS = {
  json: { type: 'boolean' },
  dir: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The repository root (dist/src/cli/commands → four levels up). */
const PACKAGE_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

interface TourStop {
  readonly file: string;
  readonly articleQuestion: string;
  readonly command: string;
  readonly run: (path: string) => Promise<TourAnswer>;
}

interface TourAnswer {
  readonly answer: 'yes' | 'no' | 'unknown' | 'measured';
  readonly text: string;
  readonly json: Record<string, unknown>;
}

function fromVerdict(v: Verdict): TourAnswer {
  return { answer: v.answer, text: renderVerdictText(v), json: verdictToJson(v) };
}

async function proveF(path: string): Promise<TourAnswer> {
  const result = await prove({ file: path, function: 'f', returnsTrue: true });
  if (result.kind === 'bad-input') throw new Error(`the article's f.c did not load`);
  return fromVerdict(result.verdict);
}

async function measureTesting(path: string): Promise<TourAnswer> {
  const report = await runBaselineFor({
    file: path,
    functionName: 'f',
    returnsTrue: true,
    budgetMs: 1000,
  });
  return { answer: 'measured', text: report.text, json: report.json };
}

async function terminatesFn(path: string, fnName: string): Promise<TourAnswer> {
  const result = await terminates({ file: path, function: fnName });
  if (result.kind === 'bad-input') throw new Error(`the article's ${path} did not load`);
  return fromVerdict(result.verdict);
}

const STOPS: readonly TourStop[] = [
  {
    file: 'f.c',
    articleQuestion: 'Could f ever return false?',
    command: 'arc prove f.c --function f --returns-true',
    run: proveF,
  },
  {
    file: 'f.c',
    articleQuestion: 'What would exhaustive testing of f cost? (f_test.c)',
    command: 'arc test f.c --function f --returns-true --budget 1',
    run: measureTesting,
  },
  {
    file: 'g.c',
    articleQuestion: 'Does g always return control to its caller?',
    command: 'arc terminates g.c --function g',
    run: (p) => terminatesFn(p, 'g'),
  },
  {
    file: 'g.py',
    articleQuestion: 'The same question for the Python version of g',
    command: 'arc terminates g.py --function g',
    run: (p) => terminatesFn(p, 'g'),
  },
  {
    file: 'g2.c',
    articleQuestion: 'Does g2 always terminate?',
    command: 'arc terminates g2.c --function g2',
    run: (p) => terminatesFn(p, 'g2'),
  },
  {
    file: 'h.c',
    articleQuestion: 'Does h always terminate, when h asks terminates(h) about itself?',
    command: 'arc terminates h.c --function h',
    run: (p) => terminatesFn(p, 'h'),
  },
];

export function articleDirectory(override?: string): string {
  if (override !== undefined) {
    if (!existsSync(override)) throw new UsageError(`tour: no such directory '${override}'`);
    return resolve(override);
  }
  const shared = join(PACKAGE_ROOT, '..', 'shared', 'article');
  return existsSync(join(shared, 'f.c')) ? shared : join(PACKAGE_ROOT, 'examples');
}

export async function runTour(args: readonly string[]): Promise<number> {
  const parsed = parseCommandArgs('tour', args, OPTIONS);
  if (flag(parsed, 'help')) {
    process.stdout.write(TOUR_USAGE);
    return 0;
  }
  const dir = articleDirectory(stringOption(parsed, 'dir'));
  const json = flag(parsed, 'json');
  const results: Record<string, unknown>[] = [];
  if (!json) process.stdout.write(`arc tour — the article's examples, from ${dir}\n\n`);
  for (const [i, stop] of STOPS.entries()) {
    const started = performance.now();
    const answer = await stop.run(join(dir, stop.file));
    const ms = performance.now() - started;
    results.push({
      file: stop.file,
      question: stop.articleQuestion,
      command: stop.command,
      ms,
      ...answer.json,
      answer: answer.answer,
    });
    if (!json) {
      process.stdout.write(`[${i + 1}/${STOPS.length}] ${stop.file}: ${stop.articleQuestion}\n`);
      process.stdout.write(`$ ${stop.command}\n${answer.text}\n(${Math.round(ms)} ms)\n\n`);
    }
  }
  if (json) process.stdout.write(`${toJsonText(results)}\n`);
  return 0;
}
