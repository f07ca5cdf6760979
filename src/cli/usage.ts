/** Help texts of the CLI. */
import { readFileSync } from 'node:fs';

/** The version in arc's package.json: the nearest one named `arc` above this module (dist/src/cli, or another build folder). */
function readVersion(): string {
  let dir = new URL('./', import.meta.url);
  for (let up = 0; up < 6; up++) {
    try {
      const pkg: unknown = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8'));
      if (
        typeof pkg === 'object' &&
        pkg !== null &&
        'name' in pkg &&
        pkg.name === 'arc' &&
        'version' in pkg
      )
        return String(pkg.version);
    } catch {
      // no package.json here: look further up (the version is cosmetic)
    }
    dir = new URL('../', dir);
  }
  return 'unknown';
}

export const VERSION = readVersion();

export const PROVE_USAGE = `Usage: arc prove FILE [options]

Proves that a C function's properties hold for every input (yes, with a
re-checked certificate), finds an input that violates one (no, with a replayed
counterexample), or says why it cannot decide (don't know).

Checked by default: every assertion and error call reachable from the entry,
C undefined behaviour (signed overflow, division by zero, invalid shifts), and
memory safety (no invalid dereference, free, pointer arithmetic or comparison,
call through a bad function pointer, or library precondition violated).
A pointer parameter of the entry is NULL or the start of its own block of any
number of elements with arbitrary contents.

Options:
  --function F         entry function (default main); its parameters are arbitrary
  --returns-true       also check that F never returns 0/false
  --property P         check only these properties (repeatable): assertions,
                       returns-true, no-overflow, no-div-by-zero, valid-shift,
                       no-undefined-behaviour, memory-safety (valid-deref,
                       valid-free, valid-pointer-arith, valid-pointer-compare,
                       valid-call, library), memory-leak (valid-memtrack,
                       valid-memcleanup: checked when main ends); each of
                       these names is also a group of its own
  --malloc-may-fail    malloc, calloc and realloc may return NULL (default)
  --malloc-never-fails they never do (SV-COMP's convention)
  --undefined-functions-pure
                       a function without a body returns an arbitrary value and
                       changes nothing else (CBMC's and ESBMC's convention);
                       default: it may also change every global, and a
                       violation that depends on its result is don't know
  --timeout SECONDS    solver budget (default 10)
  --max-unwind N       largest loop unwinding to try (default 64 without loops
                       that need more; 4096 in the portfolio)
  --engine E           for programs with loops: portfolio (default: bounded model
                       checking beside k-induction and Horn clauses, in parallel),
                       bmc, k-induction or chc alone
  --data-model M       LP64 (default) or ILP32 (32-bit long)
  --semantics S        c (default, bit-precise) or math (mathematical integers)
  --dump-smt DIR       write every solver query to DIR as SMT-LIB 2
  --no-compiler-replay do not replay counterexamples with the system C compiler
  --witness FILE       write an SV-COMP witness (YAML format 2.0) to FILE: for a
                       yes the loop invariants (invariant_set), for a no the
                       violating run (violation_sequence); none for don't know
  --json               print the verdict as JSON

Exit codes: 0 yes, 1 no, 2 bad input or usage, 3 don't know.
`;

export const TERMINATES_USAGE = `Usage: arc terminates FILE [options]

Does the function always return to its caller? Answers yes with a re-checked
termination proof (ranking functions over the loops, with the invariants they
rely on), no with inputs on which it never returns (a recurrent set of loop
states that the run enters and never leaves, replayed by the interpreter, or
undefined behaviour such as signed overflow on the way), or don't know with
the reason.

Options:
  --function F         entry function (default main); its parameters are arbitrary
  --timeout SECONDS    budget for the whole question (default 10)
  --data-model M       LP64 (default) or ILP32 (32-bit long)
  --semantics S        c (default, bit-precise) or math (mathematical integers,
                       as in the Termination Competition's C_Integer category)
  --json               print the verdict as JSON

Exit codes: 0 yes, 1 no, 2 bad input or usage, 3 don't know.
`;

export const BENCH_USAGE = `Usage: arc bench DIR [options]

Runs the SV-COMP verification tasks under DIR: every task definition (.yml,
format 1.0 to 2.0) found recursively. Each property whose file is
unreach-call.prp, no-overflow.prp or termination.prp and that has an expected
verdict becomes one check, run as its own arc process (entry main, the task's
data model):
  unreach-call  arc prove FILE --property assertions
  no-overflow   arc prove FILE --property no-overflow
  termination   arc terminates FILE --semantics c
Other properties are listed as skipped. Answers are scored as in SV-COMP:
+2 correct true, +1 correct false, -32 wrong true, -16 wrong false, 0 unknown.
Prints per property the counts, the score and the most possible, the median
and 90th-percentile time, the unknowns by reason, and every task's line.

Options:
  --timeout SECONDS    each check's budget (default 10)
  --jobs N             checks run at a time (default 1)
  --property P         only these (repeatable or comma-separated):
                       unreach-call, no-overflow, termination
  --json               print the report as JSON
  --out FILE.md        also write the Markdown report to FILE.md

Exit codes: 0 no answer is wrong, 1 at least one answer is wrong, 2 bad input
or usage (a missing DIR, no task definitions, a malformed .yml: nothing runs).
`;

export const IR_USAGE = `Usage: arc ir FILE [--function F] [--returns-true] [--data-model LP64|ILP32]

Prints arc's intermediate representation (a typed control-flow graph with the
properties to check) of every function in FILE, or of F with its calls inlined.
`;

export const TEST_USAGE = `Usage: arc test FILE --function F [options]

The testing baseline: runs F on inputs — all of them when the input space is
small enough for the budget, random ones otherwise — and reports calls per
second, failures found, and how long exhaustive testing would take.

Options:
  --function F         the function to test (required)
  --returns-true       count a return value of 0/false as a failure
  --budget SECONDS     how long to test (default 2)
  --seed N             seed of the random inputs (default 1)
  --interpreter        use arc's IR interpreter instead of a native build
  --data-model M       LP64 (default) or ILP32
  --json               print the report as JSON
`;

export const POLICY_USAGE = `Usage: arc policy SUBCOMMAND POLICY.json… [options]

Subcommands:
  check-no-public-access POLICY [--resource-type s3-bucket] [--account ID]
      Is the resource policy free of public access (S3 Block Public Access,
      "The meaning of public")? No: an allowed request from the public.
  check-no-new-access NEW --existing OLD
      Does NEW allow only requests that OLD allows? No: a request NEW allows
      and OLD does not, with NEW's allowing statement.
  check-access-not-granted POLICY --action A[,B…] [--resource R[,…]]
      Does the policy grant none of these actions (on these resources)?
  compare A B
      Equivalent (yes), or A less / more permissive, or incomparable (no),
      with a witness request for each direction that differs.
  can POLICY --principal P --action A --resource R [--context key=value …]
      Concrete evaluation (no solver): allowed (yes), or explicitly or
      implicitly denied (no), with the deciding statements. P is anonymous,
      an ARN, an account id, service:NAME, federated:NAME or canonical:ID.

Options:
  --policy-type T      identity or resource (inferred from Principal otherwise)
  --timeout SECONDS    solver time limit per query (default 20)
  --dump-smt DIR       write every solver query to DIR
  --json               print the verdict as JSON

Every "no" shows a concrete request replayed through arc's evaluator; every
"yes" names the unsatisfiable query, re-checked in a fresh solver.
Exit codes: 0 yes, 1 no, 2 bad input or usage, 3 don't know.
`;

export const TOUR_USAGE = `Usage: arc tour [--json] [--dir DIR]

Runs the examples of "A gentle introduction to automated reasoning" (from
../shared/article when it exists, else from the project's examples/), printing
each question, the answer, the evidence and the time.
`;

export const NET_USAGE = `Usage: arc net reachable DIR --from SRC --to DST [options]
       arc net explain DIR --from SRC --to DST [options]
       arc net exposed DIR [--protocol P] [--port N[-M]] [options]

DIR is a directory of \`aws ec2 describe-*\` JSON outputs (one file per call,
recognised by its top-level key). SRC and DST are an instance id (i-…), a
network interface id (eni-…), an IPv4 address, or \`internet\`.

  reachable   Can some packet get from SRC to DST (and its reply back)?
              yes: a witness packet and its path hop by hop (replayed through
              the concrete forwarder); no: for each way the packet could go,
              the component and rule that stops it (a proof over all packets);
              don't know: what the snapshot lacks.
  explain     Every packet that can flow from SRC to DST, as ranges of
              protocols, ports and addresses (proved exact by Z3; one packet
              of each range replayed).
  exposed     Which network interfaces (and instances) the internet can
              reach, on which protocols, ports and from which sources, each
              with a replayed packet and its path. yes: nothing is exposed.

Options:
  --protocol P         tcp, udp, icmp, -1 (any; the default) or a number
  --port N[-M]         destination port(s) (for icmp: the code)
  --source-port N[-M]  source port(s) (for icmp: the type)
  --timeout S          solver time limit per query, in seconds (default 10)
  --json               print the verdict as JSON
`;

export const USAGE = `arc ${VERSION} — answers questions about code with yes, no or don't know, and shows why.

Usage: arc COMMAND [options]

Commands:
  prove FILE   prove C properties (assertions, undefined behaviour, --returns-true)
  terminates FILE  does the function always return? (termination / non-termination)
  policy SUB   questions about AWS IAM and S3 policies (check-no-public-access, …)
  net SUB      AWS VPC networks from describe-* snapshots (reachable, explain, exposed)
  bench DIR    run and score the SV-COMP task definitions (.yml) under DIR
  test FILE    the testing baseline: exhaustive or random testing, with its cost
  ir FILE      print the intermediate representation
  tour         run the article's examples

Run 'arc COMMAND --help' for a command's options.
Exit codes: 0 yes, 1 no, 2 bad input or usage, 3 don't know.
`;
