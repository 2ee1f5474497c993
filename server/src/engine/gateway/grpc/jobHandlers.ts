import { invalidArgument } from './errorMapper.js';
import { unary, type GatewayContext, type GatewayHandlers } from './handlerSupport.js';
import type {
  CompleteJobRequest,
  EmptyResponse,
  FailJobRequest,
  ThrowErrorRequest,
  UpdateJobRetriesRequest,
  UpdateJobTimeoutRequest,
} from './protocol.js';
import { blankToUndefined, parseVariables, requireKey, requireText, toMillis } from './requestChecks.js';

/** Commands on an activated job: complete, fail, throw a BPMN error, change retries or timeout. */
export function jobHandlers(context: GatewayContext): GatewayHandlers {
  const { engine } = context;
  return {
    CompleteJob: unary<CompleteJobRequest, EmptyResponse>('CompleteJob', context, async (request) => {
      const jobKey = requireKey('jobKey', request.jobKey);
      await engine.completeJob(jobKey, parseVariables('variables', request.variables));
      return {};
    }),
    FailJob: unary<FailJobRequest, EmptyResponse>('FailJob', context, async (request) => {
      const jobKey = requireKey('jobKey', request.jobKey);
      const errorMessage = blankToUndefined(request.errorMessage);
      const retryBackOffMs = toMillis('retryBackOff', request.retryBackOff);
      const variables = parseVariables('variables', request.variables);
      await engine.failJob(jobKey, {
        retries: request.retries,
        ...(errorMessage ? { errorMessage } : {}),
        ...(retryBackOffMs > 0 ? { retryBackOffMs } : {}),
        ...(variables ? { variables } : {}),
      });
      return {};
    }),
    ThrowError: unary<ThrowErrorRequest, EmptyResponse>('ThrowError', context, async (request) => {
      const jobKey = requireKey('jobKey', request.jobKey);
      const errorCode = requireText('errorCode', request.errorCode);
      const errorMessage = blankToUndefined(request.errorMessage);
      const variables = parseVariables('variables', request.variables);
      await engine.throwError(jobKey, { errorCode, ...(errorMessage ? { errorMessage } : {}), ...(variables ? { variables } : {}) });
      return {};
    }),
    UpdateJobRetries: unary<UpdateJobRetriesRequest, EmptyResponse>('UpdateJobRetries', context, async (request) => {
      const jobKey = requireKey('jobKey', request.jobKey);
      if (!(request.retries > 0)) throw invalidArgument(`Expected 'retries' to be greater than 0, but was ${request.retries}`);
      await engine.updateJobRetries(jobKey, request.retries);
      return {};
    }),
    UpdateJobTimeout: unary<UpdateJobTimeoutRequest, EmptyResponse>('UpdateJobTimeout', context, async (request) => {
      const jobKey = requireKey('jobKey', request.jobKey);
      const timeoutMs = toMillis('timeout', request.timeout);
      if (timeoutMs < 0) throw invalidArgument(`Expected 'timeout' to be at least 0 ms, but was ${timeoutMs}`);
      await engine.updateJobTimeout(jobKey, timeoutMs);
      return {};
    }),
  };
}
