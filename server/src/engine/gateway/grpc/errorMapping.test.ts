import { status } from '@grpc/grpc-js';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EngineRejection, type EngineApi, type RejectionCode } from '../../api.js';
import { startGrpcGateway, type GrpcGateway } from './index.js';
import { RawGatewayClient, sdkClient } from './testing/gatewayClients.js';

/**
 * Translation and error mapping, against an engine stand-in whose answers each test chooses:
 * what reaches the engine, and which gRPC status each kind of failure becomes.
 */
type Stub = Partial<EngineApi> & Record<string, unknown>;

const containing = (text: string): unknown => expect.stringContaining(text);
const matching = (pattern: RegExp): unknown => expect.stringMatching(pattern);

function stubEngine(stub: () => Stub): EngineApi {
  return new Proxy({} as EngineApi, {
    get(_target, name: string) {
      const method = stub()[name];
      if (method) return method;
      if (name === 'onJobsAvailable') return () => () => {};
      return undefined;
    },
  });
}

describe('gRPC gateway error mapping and input checks', () => {
  let stub: Stub = {};
  let gateway: GrpcGateway;
  let client: RawGatewayClient;
  const logged: unknown[] = [];

  beforeAll(async () => {
    const logger = pino({ level: 'error' }, { write: (line: string) => logged.push(JSON.parse(line)) });
    gateway = await startGrpcGateway({ engine: stubEngine(() => stub), host: 'localhost', port: 0, logger });
    client = new RawGatewayClient(gateway.port);
  });
  afterAll(async () => {
    client.close();
    await gateway.close();
  });
  afterEach(() => {
    stub = {};
    logged.length = 0;
  });

  const codes: RejectionCode[] = ['INVALID_ARGUMENT', 'NOT_FOUND', 'FAILED_PRECONDITION', 'ALREADY_EXISTS', 'RESOURCE_EXHAUSTED', 'DEADLINE_EXCEEDED', 'UNIMPLEMENTED'];
  it.each(codes)('given the engine rejects with %s, then the client gets that gRPC status and the message', async (code) => {
    stub = { completeJob: () => Promise.reject(new EngineRejection(code, `Expected job '42' to exist (${code})`)) };
    await expect(client.call('CompleteJob', { jobKey: '42' })).rejects.toMatchObject({
      code: status[code],
      details: `Expected job '42' to exist (${code})`,
    });
  });

  it('given an unexpected engine error, then INTERNAL with a generic message, the error is logged, and the server keeps serving', async () => {
    stub = { resolveIncident: () => Promise.reject(new Error('connection to database lost at 10.0.0.3')) };
    const failure = client.call('ResolveIncident', { incidentKey: '7' });
    await expect(failure).rejects.toMatchObject({ code: status.INTERNAL });
    await expect(failure).rejects.not.toMatchObject({ details: containing('10.0.0.3') });
    expect(JSON.stringify(logged)).toContain('connection to database lost');

    stub = { resolveIncident: () => Promise.resolve() };
    await expect(client.call('ResolveIncident', { incidentKey: '7' })).resolves.toEqual({});
  });

  it('given an engine method that throws synchronously, then INTERNAL, not a crash', async () => {
    stub = {
      cancelProcessInstance: () => {
        throw new TypeError('boom');
      },
    };
    await expect(client.call('CancelProcessInstance', { processInstanceKey: '5' })).rejects.toMatchObject({ code: status.INTERNAL });
  });

  it.each([
    ['an array', '[1, 2]', /Expected to parse 'variables' as a JSON object, but it was an array/],
    ['not JSON', '{"a": ', /Expected to parse 'variables' as a JSON object, but it is not valid JSON/],
    ['a number', '42', /but it was a number/],
  ])('when CompleteJob variables are %s, then INVALID_ARGUMENT naming the field', async (_what, variables, message) => {
    stub = { completeJob: () => Promise.resolve() };
    await expect(client.call('CompleteJob', { jobKey: '1', variables })).rejects.toMatchObject({
      code: status.INVALID_ARGUMENT,
      details: matching(message),
    });
  });

  it('when a required key is missing or not positive, then INVALID_ARGUMENT naming the field', async () => {
    await expect(client.call('CompleteJob', {})).rejects.toMatchObject({ code: status.INVALID_ARGUMENT, details: containing("'jobKey'") });
    await expect(client.call('SetVariables', { elementInstanceKey: '-3', variables: '{}' })).rejects.toMatchObject({
      code: status.INVALID_ARGUMENT,
      details: containing("'elementInstanceKey'"),
    });
  });

  it('when CreateProcessInstance names no process, then INVALID_ARGUMENT', async () => {
    await expect(client.call('CreateProcessInstance', { variables: '{}' })).rejects.toMatchObject({
      code: status.INVALID_ARGUMENT,
      details: containing("'bpmnProcessId' or 'processDefinitionKey'"),
    });
  });

  it('when ActivateJobs has no type or a zero maxJobsToActivate, then INVALID_ARGUMENT', async () => {
    await expect(client.stream('ActivateJobs', { worker: 'w', timeout: 1000, maxJobsToActivate: 1 })).rejects.toMatchObject({
      code: status.INVALID_ARGUMENT,
      details: containing("'type'"),
    });
    await expect(client.stream('ActivateJobs', { type: 't', worker: 'w', timeout: 1000, maxJobsToActivate: 0 })).rejects.toMatchObject({
      code: status.INVALID_ARGUMENT,
      details: containing("'maxJobsToActivate'"),
    });
  });

  it('passes FailJob fields to the engine: retries, message, back-off in ms, variables', async () => {
    const calls: unknown[] = [];
    stub = { failJob: (...args: unknown[]) => (calls.push(args), Promise.resolve()) };
    await client.call('FailJob', { jobKey: '9', retries: 2, errorMessage: 'no luck', retryBackOff: 1500, variables: '{"x":1}' });
    expect(calls).toEqual([['9', { retries: 2, errorMessage: 'no luck', retryBackOffMs: 1500, variables: { x: 1 } }]]);
  });

  it('maps deployment results to DeployResource and the deprecated DeployProcess', async () => {
    const process = { bpmnProcessId: 'p', version: 3, processDefinitionKey: '2251799813685249', resourceName: 'p.bpmn', tenantId: '<default>' };
    stub = { deploy: () => Promise.resolve({ key: '2251799813685250', tenantId: '<default>', processes: [process], decisions: [], decisionRequirements: [], forms: [] }) };
    await expect(client.call('DeployResource', { resources: [{ name: 'p.bpmn', content: Buffer.from('<xml/>') }] })).resolves.toMatchObject({
      key: '2251799813685250',
      tenantId: '<default>',
      deployments: [{ process, Metadata: 'process' }],
    });
    await expect(client.call('DeployProcess', { processes: [{ name: 'p.bpmn', definition: Buffer.from('<xml/>') }] })).resolves.toMatchObject({
      key: '2251799813685250',
      processes: [process],
    });
    await expect(client.call('DeployResource', { resources: [] })).rejects.toMatchObject({ code: status.INVALID_ARGUMENT });
  });

  it('answers UNIMPLEMENTED, naming the RPC, for commands the engine does not have yet', async () => {
    await expect(client.call('PublishMessage', { name: 'm', correlationKey: 'k' })).rejects.toMatchObject({
      code: status.UNIMPLEMENTED,
      details: containing('PublishMessage'),
    });
    await expect(client.call('DeleteResource', { resourceKey: '1' })).rejects.toMatchObject({
      code: status.UNIMPLEMENTED,
      details: containing('DeleteResource'),
    });
  });

  it('calls an optional engine command once the engine has it, shaped like the request', async () => {
    const calls: unknown[] = [];
    stub = {
      publishMessage: (command: unknown) => (calls.push(command), Promise.resolve({ key: '77', tenantId: '<default>' })),
    };
    await expect(
      client.call('PublishMessage', { name: 'paid', correlationKey: 'order-1', timeToLive: 60000, messageId: 'm1', variables: '{"amount":5}' }),
    ).resolves.toEqual({ key: '77', tenantId: '<default>' });
    expect(calls).toEqual([{ name: 'paid', correlationKey: 'order-1', timeToLiveMs: 60000, messageId: 'm1', variables: { amount: 5 } }]);
  });

  it('reaches the SDK client as a rejection with the gRPC code', async () => {
    stub = { updateJobRetries: () => Promise.reject(new EngineRejection('NOT_FOUND', "Expected to update retries of job '12', but no such job was found")) };
    const zeebe = sdkClient(gateway.port);
    try {
      await expect(zeebe.updateJobRetries({ jobKey: '12', retries: 3 })).rejects.toMatchObject({ code: status.NOT_FOUND });
    } finally {
      await zeebe.close();
    }
  });
});
