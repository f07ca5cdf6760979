/**
 * The front-ends, and the one place that chooses between them: by the file
 * name's ending, case-sensitively (`g.py` is Python). A file that no
 * front-end claims is read as C, as arc always has (SV-COMP's `.i` files, a
 * file without an extension). A new language is one line in FRONTENDS.
 */
import type { Frontend } from './frontend.js';
import { cFrontend } from './c/index.js';
import { pythonFrontend } from './python/index.js';

const FRONTENDS: readonly Frontend[] = [cFrontend, pythonFrontend];

/** What lowers a file no front-end claims by its extension. */
const FALLBACK: Frontend = cFrontend;

/** The front-end that lowers `file`. */
export function frontendFor(file: string): Frontend {
  return FRONTENDS.find((f) => f.extensions.some((ext) => file.endsWith(ext))) ?? FALLBACK;
}

/** The front-end of `language`, for a command that handles one language only (`arc test`: C). */
export function frontendOf(language: Frontend['language']): Frontend {
  const found = FRONTENDS.find((f) => f.language === language);
  if (found === undefined) throw new Error(`internal error: no front-end for ${language}`);
  return found;
}
