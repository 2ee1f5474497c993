import { status, type StatusObject } from '@grpc/grpc-js';
import type { Logger } from '../../../logging.js';
import { EngineRejection, type RejectionCode } from '../../api.js';

export type GrpcStatus = Pick<StatusObject, 'code' | 'details'>;

const REJECTION_STATUS: Record<RejectionCode, status> = {
  INVALID_ARGUMENT: status.INVALID_ARGUMENT,
  NOT_FOUND: status.NOT_FOUND,
  FAILED_PRECONDITION: status.FAILED_PRECONDITION,
  ALREADY_EXISTS: status.ALREADY_EXISTS,
  RESOURCE_EXHAUSTED: status.RESOURCE_EXHAUSTED,
  DEADLINE_EXCEEDED: status.DEADLINE_EXCEEDED,
  UNIMPLEMENTED: status.UNIMPLEMENTED,
};

/** The input was wrong before the engine was asked: INVALID_ARGUMENT, naming the field. */
export function invalidArgument(message: string): EngineRejection {
  return new EngineRejection('INVALID_ARGUMENT', message);
}

/**
 * The one place where failures become gRPC statuses: an engine rejection keeps its code and its
 * message (which names the key or element at fault); anything else is a bug or an outage, logged
 * in full and answered with INTERNAL and a message that leaks nothing.
 */
export function toGrpcStatus(error: unknown, rpc: string, logger: Logger): GrpcStatus {
  const rejection = asRejection(error);
  if (rejection) return { code: REJECTION_STATUS[rejection.code], details: rejection.message };
  logger.error({ err: error, rpc }, `unexpected error in gRPC ${rpc}`);
  return { code: status.INTERNAL, details: `Unexpected error while processing ${rpc}; the server log has the details` };
}

/** Also recognises a rejection from another copy of the engine module (e.g. under a test runner). */
function asRejection(error: unknown): EngineRejection | undefined {
  if (error instanceof EngineRejection) return error;
  if (error instanceof Error && error.name === 'EngineRejection') {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code in REJECTION_STATUS) return error as EngineRejection;
  }
  return undefined;
}
