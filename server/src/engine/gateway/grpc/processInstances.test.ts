import { status } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runZbctl } from './testing/gatewayClients.js';
import { fixture, GatewayHarness } from './testing/gatewayHarness.js';

const containing = (text: string): unknown => expect.stringContaining(text);
const numericKey: unknown = expect.stringMatching(/^[1-9]\d*$/);

describe('deploying and starting processes through the gRPC gateway', () => {
  let harness: GatewayHarness;

  beforeAll(async () => {
    harness = await GatewayHarness.start();
  });
  afterAll(() => harness.stop());

  it('deploys a BPMN resource with the SDK and reports the process', async () => {
    const { content, processId } = fixture('processInstances', 'deploy');
    const deployment = await harness.zeebe.deployResource({ process: content, name: 'processInstances.bpmn' });
    expect(deployment).toMatchObject({
      key: numericKey,
      tenantId: '<default>',
      deployments: [
        { process: { bpmnProcessId: processId, version: 1, processDefinitionKey: numericKey, resourceName: 'processInstances.bpmn', tenantId: '<default>' } },
      ],
    });
    const changed = Buffer.from(content.toString().replace('Do the work', 'Do it'));
    const again = await harness.zeebe.deployResource({ process: changed, name: 'processInstances.bpmn' });
    expect(again.deployments[0]?.process?.version).toBe(2);
  });

  it('deploys with the deprecated DeployProcess', async () => {
    const { content, processId } = fixture('processInstances', 'deprecated');
    const response = await harness.raw.call('DeployProcess', { processes: [{ name: 'old.bpmn', definition: content }] });
    expect(response).toMatchObject({ key: numericKey, processes: [{ bpmnProcessId: processId, version: 1, resourceName: 'old.bpmn' }] });
  });

  it('rejects malformed BPMN with INVALID_ARGUMENT that names the problem', async () => {
    const broken = Buffer.from('<?xml version="1.0"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="x"');
    const failure = harness.zeebe.deployResource({ process: broken, name: 'broken.bpmn' });
    // e.g. "'broken.bpmn': - ERROR: The document is not valid BPMN XML (line 1, column 97): unclosed tag"
    await expect(failure).rejects.toMatchObject({ code: status.INVALID_ARGUMENT, details: expect.stringMatching(/broken\.bpmn[\s\S]*line 1/) as unknown });
  });

  it('starts an instance by BPMN process id and by definition key', async () => {
    const { content, processId } = fixture('processInstances', 'start');
    const deployment = await harness.zeebe.deployResource({ process: content, name: 'start.bpmn' });
    const byId = await harness.zeebe.createProcessInstance({ bpmnProcessId: processId, variables: { zaak: { nummer: 'ZAAK-1' } } });
    expect(byId).toMatchObject({ bpmnProcessId: processId, version: 1, processInstanceKey: numericKey, tenantId: '<default>' });
    const processDefinitionKey = deployment.deployments[0]?.process?.processDefinitionKey ?? '';
    const byKey = await harness.raw.call('CreateProcessInstance', { processDefinitionKey, variables: '{}' });
    expect(byKey).toMatchObject({ processDefinitionKey, bpmnProcessId: processId, processInstanceKey: numericKey });
  });

  it('starts an instance with zbctl', async () => {
    const { content, processId } = fixture('processInstances', 'zbctl');
    await harness.zeebe.deployResource({ process: content, name: 'zbctl.bpmn' });
    const { exitCode, stdout, stderr } = await runZbctl(harness.port, ['create', 'instance', processId, '--variables', '{"a": 1}']);
    expect(stderr).toBe('');
    expect(exitCode).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ bpmnProcessId: processId, version: 1, processInstanceKey: numericKey });
  });

  it('rejects variables that are not a JSON object with INVALID_ARGUMENT', async () => {
    const { content, processId } = fixture('processInstances', 'badVariables');
    await harness.zeebe.deployResource({ process: content, name: 'bad.bpmn' });
    for (const variables of ['{"a": 1', '["a"]']) {
      await expect(harness.raw.call('CreateProcessInstance', { bpmnProcessId: processId, version: -1, variables })).rejects.toMatchObject({
        code: status.INVALID_ARGUMENT,
        details: containing("'variables' as a JSON object"),
      });
    }
  });

  it('answers NOT_FOUND for a process that was never deployed', async () => {
    await expect(harness.zeebe.createProcessInstance({ bpmnProcessId: 'neverDeployed', variables: {} })).rejects.toMatchObject({
      code: status.NOT_FOUND,
      details: containing('neverDeployed'),
    });
  });

  it('answers DEADLINE_EXCEEDED when an instance does not complete within the request timeout', async () => {
    const { content, processId } = fixture('processInstances', 'withResult');
    await harness.zeebe.deployResource({ process: content, name: 'withResult.bpmn' });
    const failure = harness.raw.call('CreateProcessInstanceWithResult', {
      request: { bpmnProcessId: processId, version: -1, variables: '{}' },
      requestTimeout: 300,
    });
    await expect(failure).rejects.toMatchObject({ code: status.DEADLINE_EXCEEDED });
  });

  it('modifies an instance with the SDK (Zeebe ModifyProcessInstance); an unknown element is INVALID_ARGUMENT', async () => {
    const { content, processId } = fixture('processInstances', 'modify');
    await harness.zeebe.deployResource({ process: content, name: 'modify.bpmn' });
    const { processInstanceKey } = await harness.zeebe.createProcessInstance({ bpmnProcessId: processId, variables: {} });
    await harness.zeebe.modifyProcessInstance({
      processInstanceKey,
      activateInstructions: [{ elementId: 'work', ancestorElementInstanceKey: '-1', variableInstructions: [{ scopeId: 'work', variables: { tweede: true } }] }],
    });
    const works = (await harness.db('engine_element_instances').where({ process_instance_key: processInstanceKey, element_id: 'work' })) as unknown[];
    expect(works).toHaveLength(2);
    await expect(
      harness.zeebe.modifyProcessInstance({ processInstanceKey, activateInstructions: [{ elementId: 'missing', ancestorElementInstanceKey: '-1', variableInstructions: [] }] }),
    ).rejects.toMatchObject({ code: status.INVALID_ARGUMENT, details: containing("could not be found: 'missing'") });
  });

  it('cancels an instance; cancelling it again is NOT_FOUND', async () => {
    const { content, processId } = fixture('processInstances', 'cancel');
    await harness.zeebe.deployResource({ process: content, name: 'cancel.bpmn' });
    const { processInstanceKey } = await harness.zeebe.createProcessInstance({ bpmnProcessId: processId, variables: {} });
    await harness.zeebe.cancelProcessInstance(processInstanceKey);
    await expect(harness.zeebe.cancelProcessInstance(processInstanceKey)).rejects.toMatchObject({ code: status.NOT_FOUND });
  });
});
