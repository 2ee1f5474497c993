/** The one place where the processors meet the FEEL module. */
export { evaluateAs, applyMappingTarget } from '../feel/index.js';
