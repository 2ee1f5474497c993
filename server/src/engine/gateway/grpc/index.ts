export { startGrpcGateway, type GrpcGateway, type GrpcGatewayOptions } from './grpcGateway.js';
export type { OptionalEngineCommands, DecisionEvaluation } from './optionalCommands.js';
