/**
 * The one exception the C front-end uses internally: lowering a function
 * stops at the first construct it cannot model soundly. It never escapes the
 * front-end's public functions, which turn it into a diagnostic.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';

export class LowerError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}
