#!/usr/bin/env node
/**
 * The `arc` command line. Every command ends with one of the contract's exit
 * codes: 0 yes, 1 no, 2 bad input or usage, 3 don't know (4: an internal error
 * in arc itself — a bug, reported in one line without a stack trace unless
 * ARC_DEBUG is set).
 */
import { EXIT_BAD_INPUT } from '../core/answer.js';
import { EXIT_INTERNAL, UsageError } from './common.js';
import { USAGE, VERSION } from './usage.js';
import { stopSolvers } from '../smt/index.js';

type Command = (args: readonly string[]) => Promise<number>;

// Each command's modules load only when it runs: a process answers one command,
// and loading the others (the IAM catalogue, both front-ends' grammars' glue,
// every engine) would cost every short run tens of milliseconds.
const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  prove: async () => (await import('./commands/prove.js')).runProve,
  terminates: async () => (await import('./commands/terminates.js')).runTerminates,
  policy: async () => (await import('./commands/policy.js')).runPolicy,
  net: async () => (await import('./commands/net.js')).runNet,
  bench: async () => (await import('./commands/bench.js')).runBench,
  ir: async () => (await import('./commands/ir.js')).runIr,
  test: async () => (await import('./commands/test.js')).runTest,
  tour: async () => (await import('./commands/tour.js')).runTour,
};

// A reader that stops early (`arc … | head`) is not an error of arc: stop quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') {
    stopSolvers();
    process.exit(0);
  }
  throw e;
});

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(USAGE);
    return name === undefined ? EXIT_BAD_INPUT : 0;
  }
  if (name === '--version' || name === '-V') {
    process.stdout.write(`arc ${VERSION}\n`);
    return 0;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (load === undefined) {
    process.stderr.write(
      `arc: unknown command '${name}' (commands: ${Object.keys(COMMANDS).join(', ')})\n`,
    );
    return EXIT_BAD_INPUT;
  }
  const command = await load();
  return command(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    // A portfolio's cancelled lane may still be winding down: the answer is out, stop it.
    stopSolvers();
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`arc: ${error.message}\n`);
      process.exitCode = EXIT_BAD_INPUT;
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`arc: internal error (a bug in arc): ${message}\n`);
    if (process.env['ARC_DEBUG'] && error instanceof Error)
      process.stderr.write(`${error.stack ?? ''}\n`);
    process.exitCode = EXIT_INTERNAL;
    stopSolvers();
  },
);
