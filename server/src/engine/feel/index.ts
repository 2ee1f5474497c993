/** The engine's FEEL module: compile at deployment, evaluate (typed) at run time, write mapping targets. */
export type {
  CompiledExpression,
  EvaluationOptions,
  FeelResult,
  Inspection,
  JsonValue,
  ResultType,
} from './types.js';
export { compileExpression, type CompileResult } from './compile.js';
export { evaluateAs, type ExpectedType } from './typedEvaluation.js';
export { applyMappingTarget, checkMappingTarget } from './mappingTarget.js';
export { compileUnaryTests, type CompiledUnaryTests, type UnaryTestResult } from './unaryTests.js';
