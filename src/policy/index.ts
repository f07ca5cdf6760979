/** `arc policy`: the model, parser and concrete evaluator of AWS IAM and resource policies. */
export * from './model.js';
export * from './diagnostics.js';
export {
  parsePolicy,
  policyFromValue,
  inferPolicyType,
  checkPolicyType,
  MAX_DIAGNOSTICS,
} from './parse.js';
export type { PolicyParseResult } from './parse.js';
export * from './request.js';
export * from './evaluate.js';
export { conditionHolds } from './conditions.js';
export {
  parseOperator,
  type BaseOperator,
  type OperatorFamily,
  type SetQualifier,
} from './operators.js';
