/** Camunda 8.8 Orchestration Cluster REST API (v2) subset of the embedded engine. */
export { engineRestRouter, type EngineRestRouterOptions } from './router.js';
export { GATEWAY_VERSION, type GatewayAddress } from './topology.js';
