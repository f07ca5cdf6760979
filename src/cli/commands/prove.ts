/** `arc prove`: runs the prove pipeline and prints the verdict (and, with `--witness`, writes an SV-COMP witness). */
import { prove } from '../../api/prove.js';
import {
  ENGINE_CHOICES,
  type DataModel,
  type EngineChoice,
  type ProveOptions,
} from '../../api/types.js';
import { PROPERTY_GROUPS, type PropertyKind } from '../../ir/ir.js';
import { EXIT_BAD_INPUT } from '../../core/answer.js';
import {
  checkWitnessPath,
  flag,
  numberOption,
  parseCommandArgs,
  singleFile,
  stringList,
  stringOption,
  UsageError,
  writeWitness,
} from '../common.js';
import { frontendFor } from '../../frontends/registry.js';
import { printResult } from '../render.js';
import { PROVE_USAGE } from '../usage.js';

const OPTIONS = {
  function: { type: 'string' },
  'returns-true': { type: 'boolean' },
  property: { type: 'string', multiple: true },
  timeout: { type: 'string' },
  'max-unwind': { type: 'string' },
  'data-model': { type: 'string' },
  semantics: { type: 'string' },
  engine: { type: 'string' },
  'dump-smt': { type: 'string' },
  'no-compiler-replay': { type: 'boolean' },
  'malloc-may-fail': { type: 'boolean' },
  'malloc-never-fails': { type: 'boolean' },
  'undefined-functions-pure': { type: 'boolean' },
  witness: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function parseDataModel(text: string | undefined): DataModel | undefined {
  if (text === undefined) return undefined;
  if (text === 'LP64' || text === 'ILP32') return text;
  throw new UsageError(`--data-model must be LP64 or ILP32, got '${text}'`);
}

export function parseSemantics(text: string | undefined): 'c' | 'math' | undefined {
  if (text === undefined) return undefined;
  if (text === 'c' || text === 'math') return text;
  throw new UsageError(`--semantics must be c or math, got '${text}'`);
}

function parseEngine(text: string | undefined): EngineChoice | undefined {
  if (text === undefined) return undefined;
  const known = ENGINE_CHOICES.find((e) => e === text);
  if (known === undefined)
    throw new UsageError(`--engine must be one of ${ENGINE_CHOICES.join(', ')}, got '${text}'`);
  return known;
}

function mallocOption(mayFail: boolean, neverFails: boolean): boolean | undefined {
  if (mayFail && neverFails)
    throw new UsageError('--malloc-may-fail and --malloc-never-fails contradict each other');
  return mayFail ? true : neverFails ? false : undefined;
}

export async function runProve(args: readonly string[]): Promise<number> {
  const parsed = parseCommandArgs('prove', args, OPTIONS);
  if (flag(parsed, 'help')) {
    process.stdout.write(PROVE_USAGE);
    return 0;
  }
  const options: ProveOptions = {
    file: singleFile('prove', parsed),
    function: stringOption(parsed, 'function'),
    returnsTrue: flag(parsed, 'returns-true'),
    properties: stringList(parsed, 'property'),
    timeoutSeconds: numberOption(parsed, 'timeout'),
    maxUnwind: numberOption(parsed, 'max-unwind'),
    dataModel: parseDataModel(stringOption(parsed, 'data-model')),
    semantics: parseSemantics(stringOption(parsed, 'semantics')),
    dumpSmtDir: stringOption(parsed, 'dump-smt'),
    compilerReplay: !flag(parsed, 'no-compiler-replay'),
    engines: parseEngine(stringOption(parsed, 'engine')),
    mallocMayFail: mallocOption(
      flag(parsed, 'malloc-may-fail'),
      flag(parsed, 'malloc-never-fails'),
    ),
    undefinedPure: flag(parsed, 'undefined-functions-pure'),
  };
  const witness = stringOption(parsed, 'witness');
  if (witness !== undefined) checkWitnessPath(witness);
  const result = await prove(options);
  const code = printResult(result, flag(parsed, 'json'));
  if (witness === undefined || result.kind !== 'verdict') return code;
  if (options.semantics === 'math') {
    process.stderr.write(
      'arc: no witness written: with --semantics math the answer is about mathematical integers, not C\n',
    );
    return code;
  }
  const written = await writeWitness(witness, result.verdict, {
    inputFile: options.file,
    language: frontendFor(options.file).language,
    entryFunction: options.function ?? 'main',
    dataModel: options.dataModel ?? 'LP64',
    checkedKinds: checkedKinds(options),
  });
  return written ? code : EXIT_BAD_INPUT;
}

/** The property kinds a run checks: the selected groups, or every group. */
function checkedKinds(options: ProveOptions): PropertyKind[] {
  const groups =
    options.properties !== undefined && options.properties.length > 0
      ? options.properties
      : ['assertions', 'no-undefined-behaviour', 'memory-safety'];
  const kinds = groups.flatMap((g) => PROPERTY_GROUPS[g] ?? []);
  if (options.returnsTrue === true) kinds.push('returns-true');
  return [...new Set(kinds)];
}
