/** `arc terminates`: does the function always return (or halt)? */
import { terminates } from '../../api/terminates.js';
import type { TerminatesOptions } from '../../api/types.js';
import {
  flag,
  numberOption,
  parseCommandArgs,
  singleFile,
  stringOption,
  UsageError,
} from '../common.js';
import { printResult } from '../render.js';
import { TERMINATES_USAGE } from '../usage.js';
import { parseDataModel, parseSemantics } from './prove.js';

const OPTIONS = {
  function: { type: 'string' },
  timeout: { type: 'string' },
  'data-model': { type: 'string' },
  semantics: { type: 'string' },
  witness: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function runTerminates(args: readonly string[]): Promise<number> {
  const parsed = parseCommandArgs('terminates', args, OPTIONS);
  if (flag(parsed, 'help')) {
    process.stdout.write(TERMINATES_USAGE);
    return 0;
  }
  if (stringOption(parsed, 'witness') !== undefined) {
    // Format 2.0 has no termination witnesses: 2.1 adds transition invariants for a
    // yes, and non-termination (recurrence) waypoints are still being standardised.
    throw new UsageError(
      "terminates: --witness is not supported yet (SV-COMP's witness format 2.0 has no termination witnesses; 'arc prove --witness' writes them for unreach-call and no-overflow)",
    );
  }
  const options: TerminatesOptions = {
    file: singleFile('terminates', parsed),
    function: stringOption(parsed, 'function'),
    timeoutSeconds: numberOption(parsed, 'timeout'),
    dataModel: parseDataModel(stringOption(parsed, 'data-model')),
    semantics: parseSemantics(stringOption(parsed, 'semantics')),
  };
  const result = await terminates(options);
  return printResult(result, flag(parsed, 'json'));
}
