/**
 * The one exception the front-ends use internally: lowering a function stops
 * at the first construct it cannot model soundly. It never escapes a
 * front-end's public functions, which turn it into a diagnostic
 * (`guardLowering` and `lowerSelected` in frontend.ts).
 */
import type { Diagnostic } from '../core/diagnostic.js';

export class LowerError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}
