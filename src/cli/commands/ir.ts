/** `arc ir`: prints the IR the file's front-end produces. */
import { isUnsupportedCode } from '../../core/diagnostic.js';
import { frontendFor } from '../../frontends/registry.js';
import { printProgram } from '../../ir/print.js';
import { EXIT_BAD_INPUT, EXIT_UNKNOWN } from '../../core/answer.js';
import { flag, parseCommandArgs, printDiagnostics, singleFile, stringOption } from '../common.js';
import { IR_USAGE } from '../usage.js';
import { parseDataModel } from './prove.js';

const OPTIONS = {
  function: { type: 'string' },
  'returns-true': { type: 'boolean' },
  'data-model': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function runIr(args: readonly string[]): Promise<number> {
  const parsed = parseCommandArgs('ir', args, OPTIONS);
  if (flag(parsed, 'help')) {
    process.stdout.write(IR_USAGE);
    return 0;
  }
  const file = singleFile('ir', parsed);
  const entry = stringOption(parsed, 'function');
  const lowered = await frontendFor(file).lower(file, {
    returnsTrue: flag(parsed, 'returns-true'),
    ...(entry !== undefined ? { entry } : {}),
    dataModel: parseDataModel(stringOption(parsed, 'data-model')) ?? 'LP64',
  });
  printDiagnostics(lowered.diagnostics.filter((d) => d.severity !== 'note'));
  if (!lowered.ok) {
    const onlyUnsupported = lowered.diagnostics
      .filter((d) => d.severity === 'error')
      .every((d) => isUnsupportedCode(d.code));
    return onlyUnsupported ? EXIT_UNKNOWN : EXIT_BAD_INPUT;
  }
  process.stdout.write(`${printProgram(lowered.program)}\n`);
  return 0;
}
