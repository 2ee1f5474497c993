import { status, type ServerWritableStream } from '@grpc/grpc-js';
import type { ActivateJobsCommand, ActivatedJob } from '../../api.js';
import { returnUnsentJobs, toResponseBatches, toWireJob } from './activatedJobMapper.js';
import { invalidArgument, toGrpcStatus } from './errorMapper.js';
import type { GatewayContext, GatewayHandlers } from './handlerSupport.js';
import { JobWakeup } from './jobWakeup.js';
import type { ActivateJobsRequest, StreamActivatedJobsRequest, ActivateJobsResponse, WireActivatedJob } from './protocol.js';
import { nonEmptyList, requireText, toMillis } from './requestChecks.js';

/** How many jobs a job stream activates per look. */
const STREAM_BATCH = 32;

/**
 * ActivateJobs (long polling: answer as soon as jobs are there, or when the request timeout ends)
 * and StreamActivatedJobs (push each job as it becomes activatable, until the client goes away).
 * Whatever either throws ends the call with a mapped status; nothing escapes to the process.
 */
export function jobActivationHandlers(context: GatewayContext): GatewayHandlers {
  return {
    ActivateJobs: (call: ServerWritableStream<ActivateJobsRequest, ActivateJobsResponse>) => {
      activateJobs(context, call).catch((error: unknown) => call.emit('error', toGrpcStatus(error, 'ActivateJobs', context.logger)));
    },
    StreamActivatedJobs: (call: ServerWritableStream<StreamActivatedJobsRequest, WireActivatedJob>) => {
      streamJobs(context, call).catch((error: unknown) => call.emit('error', toGrpcStatus(error, 'StreamActivatedJobs', context.logger)));
    },
  };
}

async function activateJobs(context: GatewayContext, call: ServerWritableStream<ActivateJobsRequest, ActivateJobsResponse>) {
  const { engine, settings } = context;
  const command = toActivateCommand(call.request);
  const wakeup = watch(context, call, command.type);
  try {
    const requestTimeout = toMillis('requestTimeout', call.request.requestTimeout);
    // requestTimeout < 0: no long polling; 0: the gateway's default.
    const waitMs = requestTimeout < 0 ? 0 : requestTimeout === 0 ? settings.longPollingTimeoutMs : requestTimeout;
    const giveUpAt = Date.now() + waitMs;
    for (;;) {
      wakeup.arm();
      const jobs = await engine.activateJobs(command);
      if (jobs.length > 0) {
        if (call.cancelled) return await returnUnsentJobs(engine, jobs, context.logger);
        for (const response of toResponseBatches(jobs)) call.write(response);
        break;
      }
      const remaining = giveUpAt - Date.now();
      if (remaining <= 0 || wakeup.isStopped) break;
      await wakeup.wait(Math.min(remaining, settings.activationRetryIntervalMs));
    }
    call.end();
  } finally {
    wakeup.stop();
  }
}

async function streamJobs(context: GatewayContext, call: ServerWritableStream<StreamActivatedJobsRequest, WireActivatedJob>) {
  const { engine, settings, logger } = context;
  const command = toStreamCommand(call.request);
  const wakeup = watch(context, call, command.type);
  try {
    while (!wakeup.isStopped) {
      wakeup.arm();
      let jobs: ActivatedJob[];
      try {
        jobs = await engine.activateJobs(command);
      } catch (error) {
        if (isRejection(error)) throw error;
        // A long-lived stream outlives a passing database hiccup: log it and look again later.
        logger.warn({ err: error, type: command.type }, 'job stream could not activate jobs; trying again');
        await wakeup.wait(settings.activationRetryIntervalMs);
        continue;
      }
      for (const [index, job] of jobs.entries()) {
        if (wakeup.isStopped) {
          await returnUnsentJobs(engine, jobs.slice(index), logger);
          break;
        }
        if (!call.write(toWireJob(job))) await wakeup.until(call, 'drain');
      }
      if (jobs.length < STREAM_BATCH) await wakeup.wait(settings.activationRetryIntervalMs);
    }
    if (!call.cancelled) call.emit('error', { code: status.UNAVAILABLE, details: 'The gateway is shutting down; open the job stream again later' });
  } finally {
    wakeup.stop();
  }
}

/** A wake-up for jobs of this type that also stops when the call is cancelled or the gateway closes. */
function watch(context: GatewayContext, call: ServerWritableStream<unknown, unknown>, type: string): JobWakeup {
  const callEnded = new AbortController();
  call.on('cancelled', () => callEnded.abort());
  if (call.cancelled) callEnded.abort();
  return new JobWakeup(context.engine, type, [context.shutdown, callEnded.signal]);
}

function toActivateCommand(request: ActivateJobsRequest): ActivateJobsCommand {
  const type = requireText('type', request.type);
  const worker = requireText('worker', request.worker);
  const timeout = toMillis('timeout', request.timeout);
  if (timeout < 1) throw invalidArgument(`Expected 'timeout' to be at least 1 ms, but was ${timeout}`);
  if (!(request.maxJobsToActivate >= 1)) {
    throw invalidArgument(`Expected 'maxJobsToActivate' to be at least 1, but was ${request.maxJobsToActivate}`);
  }
  return withLists({ type, worker, timeout, maxJobsToActivate: request.maxJobsToActivate }, request);
}

function toStreamCommand(request: StreamActivatedJobsRequest): ActivateJobsCommand {
  const type = requireText('type', request.type);
  const timeout = toMillis('timeout', request.timeout);
  if (timeout < 1) throw invalidArgument(`Expected 'timeout' to be at least 1 ms, but was ${timeout}`);
  return withLists({ type, worker: request.worker, timeout, maxJobsToActivate: STREAM_BATCH }, request);
}

function withLists(command: ActivateJobsCommand, request: { fetchVariable: string[]; tenantIds: string[] }): ActivateJobsCommand {
  const fetchVariable = nonEmptyList(request.fetchVariable);
  const tenantIds = nonEmptyList(request.tenantIds);
  return { ...command, ...(fetchVariable ? { fetchVariable } : {}), ...(tenantIds ? { tenantIds } : {}) };
}

function isRejection(error: unknown): boolean {
  return error instanceof Error && error.name === 'EngineRejection';
}
