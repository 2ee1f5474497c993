/** The deployment model: BPMN XML in, validated immutable executable processes out. */
export { readBpmn, type ReadBpmnOptions } from './readBpmn.js';
export { DEFAULT_MAX_BYTES } from './parsing/documentGuard.js';
export type * from './types.js';
