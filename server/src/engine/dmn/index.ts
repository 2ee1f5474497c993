/** DMN: read decision requirements graphs at deployment, evaluate their decisions at run time. */
export type { ExecutableDecision, ExecutableDrg } from './types.js';
export { readDmn, type DmnProblem, type DmnReadResult } from './readDmn.js';
export { evaluateDecision, type DecisionEvaluationResult, type EvaluatedDecision } from './evaluateDecision.js';
