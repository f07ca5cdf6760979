/**
 * SV-COMP verification tasks (sv-benchmarks task-definition files, `.yml`):
 * reading them, running the checks arc can answer, and scoring the answers as
 * SV-COMP does. One implementation for `arc bench` and `npm run bench:svcomp`.
 *
 * A task definition (format 2.0; 1.x is read the same way):
 *
 *     format_version: '2.0'
 *     input_files: 'prog.c'            # a string or a list, relative to the .yml
 *     properties:
 *       - property_file: ../properties/unreach-call.prp
 *         expected_verdict: false
 *         subproperty: …               # optional
 *     options:
 *       language: C
 *       data_model: ILP32              # or LP64
 *
 * `options` (with `language` and `data_model`) is required except in format
 * 1.0, which has none and means ILP32. The property file's name decides the
 * check: `unreach-call.prp` → `arc prove FILE --property assertions
 * --malloc-never-fails`, `no-overflow.prp` → `arc prove FILE --property
 * no-overflow --malloc-never-fails`,
 * `termination.prp` → `arc terminates FILE --semantics c`,
 * `valid-memsafety.prp` → `arc prove FILE --property valid-deref --property
 * valid-free --property valid-pointer-arith --property valid-call --property
 * valid-memtrack --malloc-never-fails`, `valid-memcleanup.prp` →
 * `arc prove FILE --property valid-memcleanup --malloc-never-fails` (SV-COMP's
 * convention: malloc never returns NULL), entry `main`, with the task's data
 * model. The first three are checked unless a selection says otherwise, the
 * memory properties when selected. Any other property, a property without an
 * expected verdict, a task with several input files or in another language is
 * skipped (and listed as such), and so is a memory property not selected.
 *
 * Scoring is SV-COMP's, including its rule for `valid-memsafety` tasks whose
 * expected verdict is false with a `subproperty` (valid-deref, valid-free or
 * valid-memtrack): a no is correct only if the property arc found violated is
 * of that subproperty, and wrong otherwise.
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { runCli, runPool, type Outcome } from './cli-process.js';
import { median, percentile, seconds, sum } from './stats.js';

export type SvProperty =
  'unreach-call' | 'no-overflow' | 'termination' | 'valid-memsafety' | 'valid-memcleanup';

/** The SV-COMP properties arc checks, in report order. */
export const SV_PROPERTIES: readonly SvProperty[] = [
  'unreach-call',
  'no-overflow',
  'termination',
  'valid-memsafety',
  'valid-memcleanup',
];

/** The properties checked when no selection is given (the memory properties are opt-in). */
export const DEFAULT_SV_PROPERTIES: readonly SvProperty[] = [
  'unreach-call',
  'no-overflow',
  'termination',
];

export type DataModel = 'ILP32' | 'LP64';

/** How each property is asked: the arc command line before `--data-model`. */
const ARC_COMMAND: Readonly<Record<SvProperty, (file: string) => string[]>> = {
  // SV-COMP's rules: malloc and alloca never fail, whatever the property.
  'unreach-call': (file) => ['prove', file, '--property', 'assertions', '--malloc-never-fails'],
  'no-overflow': (file) => ['prove', file, '--property', 'no-overflow', '--malloc-never-fails'],
  termination: (file) => ['terminates', file, '--semantics', 'c'],
  // SV-COMP's valid-deref covers pointer arithmetic and calls through bad pointers too.
  'valid-memsafety': (file) => [
    'prove',
    file,
    '--property',
    'valid-deref',
    '--property',
    'valid-free',
    '--property',
    'valid-pointer-arith',
    '--property',
    'valid-call',
    '--property',
    'valid-memtrack',
    '--malloc-never-fails',
  ],
  'valid-memcleanup': (file) => [
    'prove',
    file,
    '--property',
    'valid-memcleanup',
    '--malloc-never-fails',
  ],
};

/** The arc command of each property, for reports. */
export const ARC_COMMAND_TEXT: Readonly<Record<SvProperty, string>> = {
  'unreach-call': 'arc prove FILE --property assertions --malloc-never-fails',
  'no-overflow': 'arc prove FILE --property no-overflow --malloc-never-fails',
  termination: 'arc terminates FILE --semantics c',
  'valid-memsafety':
    'arc prove FILE --property valid-deref --property valid-free --property valid-pointer-arith --property valid-call --property valid-memtrack --malloc-never-fails',
  'valid-memcleanup': 'arc prove FILE --property valid-memcleanup --malloc-never-fails',
};

/**
 * The `valid-memsafety` subproperty (valid-deref, valid-free, valid-memtrack)
 * a violated arc property kind stands for; undefined for kinds that are none
 * of them (a `library` precondition, a pointer comparison, ...).
 */
export function memsafetySubproperty(kind: string): string | undefined {
  switch (kind) {
    case 'valid-deref':
    case 'valid-pointer-arith':
    case 'valid-call':
      return 'valid-deref';
    case 'valid-free':
      return 'valid-free';
    case 'valid-memtrack':
      return 'valid-memtrack';
    default:
      return undefined;
  }
}

export interface TaskProperty {
  /** As written in the task definition. */
  readonly propertyFile: string;
  readonly expectedVerdict?: boolean;
  readonly subproperty?: string;
}

export interface TaskDefinition {
  /** The .yml file. */
  readonly file: string;
  readonly formatVersion: string;
  /** Absolute paths (input_files are relative to the .yml). */
  readonly inputFiles: readonly string[];
  readonly properties: readonly TaskProperty[];
  readonly language: string;
  readonly dataModel: DataModel;
}

/** A task definition that cannot be read: the file, the key at fault and where. */
export class TaskDefinitionError extends Error {
  constructor(
    readonly file: string,
    readonly key: string,
    message: string,
    readonly line?: number,
    readonly col?: number,
  ) {
    super(message);
  }

  /** `file:line:col: error: key: message [bad-task-definition]`, the CLI's diagnostic shape. */
  render(): string {
    const where = this.line === undefined ? '' : `:${this.line}:${this.col ?? 1}`;
    const key = this.key === '' ? '' : `${this.key}: `;
    return `${this.file}${where}: error: ${key}${this.message} [bad-task-definition]`;
  }
}

/** Parses a task definition; throws TaskDefinitionError naming the key that is missing or wrong. */
export function parseTaskDefinition(text: string, file: string): TaskDefinition {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const pos = e.linePos?.[0];
    throw new TaskDefinitionError(
      file,
      '',
      `not valid YAML: ${e.message.split('\n')[0]}`,
      pos?.line,
      pos?.col,
    );
  }
  const fail = (path: readonly (string | number)[], message: string): never => {
    const pos = positionOf(doc, lineCounter, path);
    throw new TaskDefinitionError(file, keyName(path), message, pos?.line, pos?.col);
  };
  if (!isMap(doc.contents)) fail([], 'a task definition must be a mapping');

  const formatVersion = scalarText(doc, ['format_version']);
  if (formatVersion === undefined) {
    fail(['format_version'], has(doc, ['format_version']) ? 'must be a string' : 'missing');
  }

  const inputs = doc.getIn(['input_files']);
  let names: string[] = [];
  if (typeof inputs === 'string') names = [inputs];
  else if (isSeq(doc.getIn(['input_files'], true))) {
    const items = doc.toJS() as { input_files: unknown[] };
    items.input_files.forEach((v, i) => {
      if (typeof v !== 'string') fail(['input_files', i], 'must be a file name');
    });
    names = items.input_files as string[];
    if (names.length === 0) fail(['input_files'], 'must name at least one file');
  } else {
    fail(
      ['input_files'],
      has(doc, ['input_files']) ? 'must be a file name or a list of file names' : 'missing',
    );
  }
  const inputFiles = names.map((n) => resolve(dirname(file), n));

  if (!has(doc, ['properties'])) fail(['properties'], 'missing');
  const props = doc.getIn(['properties'], true);
  if (!isSeq(props)) fail(['properties'], 'must be a list');
  const properties: TaskProperty[] = [];
  const count = isSeq(props) ? props.items.length : 0;
  for (let i = 0; i < count; i++) {
    const at = ['properties', i];
    if (!isMap(doc.getIn(at, true))) fail(at, 'must be a mapping with property_file');
    const propertyFile = doc.getIn([...at, 'property_file']);
    if (typeof propertyFile !== 'string' || propertyFile.trim() === '') {
      fail(
        [...at, 'property_file'],
        has(doc, [...at, 'property_file']) ? 'must be a file name' : 'missing',
      );
    }
    const expected = doc.getIn([...at, 'expected_verdict']);
    if (expected !== undefined && typeof expected !== 'boolean') {
      fail([...at, 'expected_verdict'], `must be true or false, got ${JSON.stringify(expected)}`);
    }
    const sub = doc.getIn([...at, 'subproperty']);
    if (sub !== undefined && typeof sub !== 'string')
      fail([...at, 'subproperty'], 'must be a string');
    properties.push({
      propertyFile: propertyFile as string,
      ...(typeof expected === 'boolean' ? { expectedVerdict: expected } : {}),
      ...(typeof sub === 'string' ? { subproperty: sub } : {}),
    });
  }

  let language = 'C';
  let dataModel: DataModel = 'ILP32';
  const optionsRequired = formatVersion !== '1.0';
  if (has(doc, ['options'])) {
    if (!isMap(doc.getIn(['options'], true))) fail(['options'], 'must be a mapping');
  } else if (optionsRequired) {
    fail(
      ['options'],
      `missing (format ${formatVersion} needs options.language and options.data_model)`,
    );
  }
  const lang = doc.getIn(['options', 'language']);
  if (lang !== undefined) {
    if (typeof lang !== 'string') fail(['options', 'language'], 'must be a string');
    language = lang as string;
  } else if (optionsRequired) fail(['options', 'language'], 'missing');
  const model = doc.getIn(['options', 'data_model']);
  if (model !== undefined) {
    if (model !== 'ILP32' && model !== 'LP64') {
      fail(['options', 'data_model'], `must be ILP32 or LP64, got ${JSON.stringify(model)}`);
    }
    dataModel = model as DataModel;
  } else if (optionsRequired && language === 'C') fail(['options', 'data_model'], 'missing');

  return {
    file,
    formatVersion: formatVersion as string,
    inputFiles,
    properties,
    language,
    dataModel,
  };
}

/** Reads and parses a task definition and checks that its input files exist. */
export function readTaskDefinition(file: string): TaskDefinition {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e: unknown) {
    throw new TaskDefinitionError(
      file,
      '',
      `cannot read: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  const def = parseTaskDefinition(text, file);
  def.inputFiles.forEach((input, i) => {
    if (!existsSync(input)) {
      const lineCounter = new LineCounter();
      const doc = parseDocument(text, { lineCounter });
      const path = isSeq(doc.getIn(['input_files'], true)) ? ['input_files', i] : ['input_files'];
      const pos = positionOf(doc, lineCounter, path);
      throw new TaskDefinitionError(
        file,
        keyName(path),
        `no such file: ${relative(dirname(file), input) || input}`,
        pos?.line,
        pos?.col,
      );
    }
  });
  return def;
}

function has(doc: Document, path: readonly (string | number)[]): boolean {
  return doc.getIn(path, true) !== undefined;
}

/** A scalar as written (`format_version: 2.0` unquoted is the number 2 to YAML, "2.0" as written). */
function scalarText(doc: Document, path: readonly (string | number)[]): string | undefined {
  const node = doc.getIn(path, true);
  if (!isScalar(node)) return undefined;
  if (typeof node.value === 'string') return node.value;
  if (typeof node.value === 'number') return node.source ?? String(node.value);
  return undefined;
}

/** `properties[2].expected_verdict`. */
function keyName(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** Where the key at `path` is written; for a missing key, where its nearest existing parent key is. */
function positionOf(
  doc: Document,
  lineCounter: LineCounter,
  path: readonly (string | number)[],
): { line: number; col: number } | undefined {
  for (let n = path.length; n > 0; n--) {
    const parent = n === 1 ? doc.contents : doc.getIn(path.slice(0, n - 1), true);
    const key = path[n - 1];
    if (isMap(parent)) {
      const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === key);
      const range = isScalar(pair?.key) ? pair?.key.range : undefined;
      if (range) return lineCounter.linePos(range[0]);
    } else if (isSeq(parent) && typeof key === 'number') {
      const item: unknown = parent.items[key];
      if (isNode(item) && item.range) return lineCounter.linePos(item.range[0]);
    }
  }
  const range = doc.contents?.range;
  return range ? lineCounter.linePos(range[0]) : { line: 1, col: 1 };
}

/** Every `.yml` file under `dir`, recursively, sorted (hidden folders and node_modules skipped). */
export function findTaskFiles(dir: string): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const walk = (d: string): void => {
    let real: string;
    try {
      real = realpathSync(d);
    } catch {
      return;
    }
    if (seen.has(real)) return;
    seen.add(real);
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(d, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const st = statSync(path);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          continue;
        }
      }
      if (isDir) walk(path);
      else if (isFile && entry.name.endsWith('.yml')) found.push(path);
    }
  };
  walk(dir);
  return found.sort();
}

/** The property a property file checks, by its name (`…/unreach-call.prp`). */
export function propertyOf(propertyFile: string): SvProperty | undefined {
  const name = basename(propertyFile).replace(/\.prp$/, '');
  return (SV_PROPERTIES as readonly string[]).includes(name) ? (name as SvProperty) : undefined;
}

/** One property of one task that arc checks. */
export interface Check {
  /** The task definition, relative to the suite (`c/loop-simple/nested_1.yml`). */
  readonly task: string;
  /** The input file: absolute, and relative to the suite for reports. */
  readonly input: string;
  readonly inputName: string;
  readonly property: SvProperty;
  readonly expected: boolean;
  readonly subproperty?: string;
  readonly dataModel: DataModel;
}

export interface Skipped {
  readonly task: string;
  /** The property file's name without `.prp` (`valid-memsafety`). */
  readonly property: string;
  readonly reason: string;
}

/** A path relative to the suite, with `/`. */
function suitePath(suite: string, path: string): string {
  return relative(suite, path).split(sep).join('/');
}

/** The checks of a task definition among `wanted`, and the properties it skips. */
function checksOf(
  def: TaskDefinition,
  suite: string,
  wanted: ReadonlySet<SvProperty>,
): { checks: Check[]; skipped: Skipped[] } {
  const task = suitePath(suite, def.file);
  const checks: Check[] = [];
  const skipped: Skipped[] = [];
  for (const p of def.properties) {
    const property = propertyOf(p.propertyFile);
    const name = basename(p.propertyFile).replace(/\.prp$/, '');
    const skip = (reason: string): void => {
      skipped.push({ task, property: name, reason });
    };
    if (property === undefined) skip('not a property arc checks');
    else if (!wanted.has(property)) {
      // The opt-in properties are listed, so that a run says what it left out.
      if (!DEFAULT_SV_PROPERTIES.includes(property)) skip('not selected');
    } else if (p.expectedVerdict === undefined) skip('no expected_verdict');
    else if (def.language !== 'C') skip(`language ${def.language}`);
    else if (def.inputFiles.length !== 1)
      skip(`${def.inputFiles.length} input files (arc reads one)`);
    else {
      checks.push({
        task,
        input: def.inputFiles[0],
        inputName: suitePath(suite, def.inputFiles[0]),
        property,
        expected: p.expectedVerdict,
        ...(p.subproperty === undefined ? {} : { subproperty: p.subproperty }),
        dataModel: def.dataModel,
      });
    }
  }
  return { checks, skipped };
}

export interface Suite {
  readonly dir: string;
  readonly taskFiles: readonly string[];
  readonly checks: readonly Check[];
  readonly skipped: readonly Skipped[];
  /** Task definitions that could not be read. */
  readonly errors: readonly TaskDefinitionError[];
}

/** Every task definition under `dir`, and the checks among `wanted` they define. */
export function loadSuite(dir: string, wanted: ReadonlySet<SvProperty>): Suite {
  const taskFiles = findTaskFiles(dir);
  const checks: Check[] = [];
  const skipped: Skipped[] = [];
  const errors: TaskDefinitionError[] = [];
  for (const file of taskFiles) {
    try {
      const mine = checksOf(readTaskDefinition(file), dir, wanted);
      checks.push(...mine.checks);
      skipped.push(...mine.skipped);
    } catch (e: unknown) {
      if (!(e instanceof TaskDefinitionError)) throw e;
      errors.push(e);
    }
  }
  return { dir, taskFiles, checks, skipped, errors };
}

/** The command line that answers a check. */
export function arcArgs(check: Check, timeoutS: number): string[] {
  return [
    ...ARC_COMMAND[check.property](check.input),
    '--data-model',
    check.dataModel,
    '--timeout',
    String(timeoutS),
    '--json',
  ];
}

export type Judgement = 'correct' | 'wrong' | 'unknown';

/** SV-COMP's points: correct true +2, correct false +1, wrong true −32, wrong false −16, unknown 0. */
const POINTS = {
  correctTrue: 2,
  correctFalse: 1,
  wrongTrue: -32,
  wrongFalse: -16,
  unknown: 0,
} as const;

/** arc's answer in SV-COMP's terms: yes means the property holds (`true`). */
export function verdictWord(answer: Outcome['answer']): string {
  return answer === 'yes' ? 'true' : answer === 'no' ? 'false' : answer;
}

/**
 * A result's verdict as SV-COMP writes it: for `valid-memsafety`, a false
 * names its subproperty (`false(valid-free)`), or the kind arc found violated
 * when that is none of them.
 */
export function resultVerdict(check: Check, outcome: Outcome): string {
  const word = verdictWord(outcome.answer);
  if (check.property !== 'valid-memsafety' || outcome.answer !== 'no') return word;
  const kind = outcome.violated?.kind;
  if (kind === undefined) return word;
  return `${word}(${memsafetySubproperty(kind) ?? kind})`;
}

/** The expected verdict as SV-COMP writes it (for `valid-memsafety`, `false(valid-deref)`). */
export function expectedVerdict(check: Check): string {
  const word = String(check.expected);
  if (check.property !== 'valid-memsafety' || check.expected || check.subproperty === undefined) {
    return word;
  }
  return `${word}(${check.subproperty})`;
}

/** The progress line for a finished check, as `arc bench` and `bench:svcomp` print it on stderr. */
export function progressLine(result: CheckResult, index: number, total: number): string {
  const { check, outcome } = result;
  const tag = outcome.reason ? ` (${outcome.reason})` : '';
  return (
    `[${index + 1}/${total}] ${check.inputName} ${check.property}: expected ${check.expected}, ` +
    `arc ${verdictWord(outcome.answer)}${tag}, ${seconds(outcome.wallMs)}\n`
  );
}

/**
 * arc's outcome in SV-COMP's terms. For `termination`, SV-COMP's `false`
 * means a run that never ends, and its tasks presume defined behaviour: when
 * `arc terminates` answers no because a run reaches undefined behaviour (a
 * signed overflow, say; in C such a run has no defined outcome, so arc cannot
 * promise it returns), that is no verdict on SV-COMP's question, and it
 * counts as unknown with the violated check as the reason.
 */
export function inSvcompTerms(property: SvProperty, outcome: Outcome): Outcome {
  if (property !== 'termination' || outcome.answer !== 'no') return outcome;
  const v = outcome.violated;
  if (v === undefined || v.kind === 'termination') return outcome;
  return {
    ...outcome,
    answer: 'unknown',
    reason: 'undefined-behaviour',
    message: `a run reaches undefined behaviour (${v.kind}: ${v.description}); SV-COMP's termination tasks presume defined behaviour`,
  };
}

/** An answer against the expected verdict, with its SV-COMP score. */
export function scoreAnswer(
  expected: boolean,
  answer: Outcome['answer'],
): { judgement: Judgement; score: number } {
  if (answer !== 'yes' && answer !== 'no') return { judgement: 'unknown', score: POINTS.unknown };
  const saidTrue = answer === 'yes';
  if (saidTrue === expected) {
    return { judgement: 'correct', score: saidTrue ? POINTS.correctTrue : POINTS.correctFalse };
  }
  return { judgement: 'wrong', score: saidTrue ? POINTS.wrongTrue : POINTS.wrongFalse };
}

/**
 * An outcome against a check, with its SV-COMP score: `scoreAnswer`, and for
 * a `valid-memsafety` task expected false with a subproperty, a no whose
 * violated property is not of that subproperty (or names none) is wrong
 * (−16), as SV-COMP scores it.
 */
export function scoreCheck(
  check: Pick<Check, 'property' | 'expected' | 'subproperty'>,
  outcome: Pick<Outcome, 'answer' | 'violated'>,
): { judgement: Judgement; score: number } {
  if (
    check.property === 'valid-memsafety' &&
    !check.expected &&
    check.subproperty !== undefined &&
    outcome.answer === 'no'
  ) {
    const kind = outcome.violated?.kind;
    const sub = kind === undefined ? undefined : memsafetySubproperty(kind);
    if (sub !== check.subproperty) return { judgement: 'wrong', score: POINTS.wrongFalse };
  }
  return scoreAnswer(check.expected, outcome.answer);
}

/** The most a check can score: a correct answer. */
function bestScore(expected: boolean): number {
  return expected ? POINTS.correctTrue : POINTS.correctFalse;
}

export interface CheckResult {
  readonly check: Check;
  readonly outcome: Outcome;
  readonly judgement: Judgement;
  readonly score: number;
}

export interface RunOptions {
  readonly timeoutS: number;
  readonly jobs: number;
  /** The CLI to run (default: this build's). */
  readonly cli?: string;
  /** Called as each check finishes (progress lines). */
  readonly onResult?: (result: CheckResult, index: number) => void;
}

/** Runs every check in its own CLI process, `jobs` at a time; results in the checks' order. */
export function runChecks(checks: readonly Check[], options: RunOptions): Promise<CheckResult[]> {
  return runPool(
    checks,
    options.jobs,
    async (check): Promise<CheckResult> => {
      const raw = await runCli(arcArgs(check, options.timeoutS), options.timeoutS, options.cli);
      const outcome = inSvcompTerms(check.property, raw);
      return { check, outcome, ...scoreCheck(check, outcome) };
    },
    options.onResult,
  );
}

export interface PropertySummary {
  readonly property: SvProperty;
  readonly checks: number;
  readonly expectedTrue: number;
  readonly expectedFalse: number;
  readonly correctTrue: number;
  readonly correctFalse: number;
  /** Wrong answers true (arc said yes). */
  readonly wrongTrue: number;
  /** Wrong answers false (arc said no), including those with the wrong subproperty. */
  readonly wrongFalse: number;
  /** Of the wrong false answers, those on tasks expected false, with the wrong subproperty. */
  readonly wrongSubproperty: number;
  /** Don't know, killed, or an error (exit 2/4, a crash). */
  readonly unknown: number;
  readonly score: number;
  /** The score if every answer were correct. */
  readonly maxScore: number;
  readonly medianMs: number;
  readonly p90Ms: number;
  readonly totalMs: number;
  /** Unknowns by reason code (`error` outcomes by their `exit N`), most frequent first. */
  readonly unknownReasons: readonly (readonly [string, number])[];
}

/** Counts, score and times of one property's results. */
export function summarize(property: SvProperty, results: readonly CheckResult[]): PropertySummary {
  const mine = results.filter((r) => r.check.property === property);
  const n = (j: Judgement, expected: boolean): number =>
    mine.filter((r) => r.judgement === j && r.check.expected === expected).length;
  const wrongSaying = (answer: Outcome['answer']): CheckResult[] =>
    mine.filter((r) => r.judgement === 'wrong' && r.outcome.answer === answer);
  const times = mine.map((r) => r.outcome.wallMs);
  const reasons = new Map<string, number>();
  for (const r of mine.filter((r) => r.judgement === 'unknown')) {
    const code = r.outcome.reason || '(none)';
    reasons.set(code, (reasons.get(code) ?? 0) + 1);
  }
  return {
    property,
    checks: mine.length,
    expectedTrue: mine.filter((r) => r.check.expected).length,
    expectedFalse: mine.filter((r) => !r.check.expected).length,
    correctTrue: n('correct', true),
    correctFalse: n('correct', false),
    wrongTrue: wrongSaying('yes').length,
    wrongFalse: wrongSaying('no').length,
    wrongSubproperty: wrongSaying('no').filter((r) => !r.check.expected).length,
    unknown: mine.filter((r) => r.judgement === 'unknown').length,
    score: sum(mine.map((r) => r.score)),
    maxScore: sum(mine.map((r) => bestScore(r.check.expected))),
    medianMs: median(times),
    p90Ms: percentile(times, 90),
    totalMs: sum(times),
    unknownReasons: [...reasons].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
  };
}
