import { status } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dmnDocument } from '../../dmn/testing/dmnXml.js';
import { end, processXml, sequence, serviceTask, start } from '../../testing/bpmnXml.js';
import { GatewayHarness } from './testing/gatewayHarness.js';

type Deployments = { process?: { processDefinitionKey: string; version: number }; decisionRequirements?: { decisionRequirementsKey: string }; form?: { formKey: string } }[];

const waiting = (id: string) => Buffer.from(processXml(id, start('s'), serviceTask('work', `${id}-work`), end('e'), sequence('s', 'work', 'e')));

describe('DeleteResource through the gRPC gateway', () => {
  let harness: GatewayHarness;

  beforeAll(async () => {
    harness = await GatewayHarness.start();
  });
  afterAll(() => harness.stop());

  async function deploy(name: string, content: Buffer): Promise<Deployments> {
    return (await harness.zeebe.deployResources([name.endsWith('.form') ? { form: content, name } : name.endsWith('.dmn') ? { decision: content, name } : { process: content, name }]))
      .deployments as Deployments;
  }

  it('refuses a process definition with running instances, then deletes it once they are gone', async () => {
    const [deployed] = await deploy('running.bpmn', waiting('running'));
    const key = deployed?.process?.processDefinitionKey ?? '';
    const instance = await harness.zeebe.createProcessInstance({ bpmnProcessId: 'running', variables: {} });
    await expect(harness.zeebe.deleteResource({ resourceKey: key })).rejects.toMatchObject({
      code: status.FAILED_PRECONDITION,
      details: expect.stringContaining('there are still running instances') as unknown,
    });
    await harness.zeebe.cancelProcessInstance(instance.processInstanceKey);
    await harness.zeebe.deleteResource({ resourceKey: key });
    await expect(harness.zeebe.createProcessInstance({ bpmnProcessId: 'running', variables: {} })).rejects.toMatchObject({ code: status.NOT_FOUND });
  });

  it('makes the previous version the latest and never hands out a deleted version again', async () => {
    await deploy('versions.bpmn', Buffer.from(processXml('versions', start('s'), end('e'), sequence('s', 'e'))));
    const [second] = await deploy('versions.bpmn', Buffer.from(processXml('versions', start('s2'), end('e'), sequence('s2', 'e'))));
    await harness.zeebe.deleteResource({ resourceKey: second?.process?.processDefinitionKey ?? '' });
    expect((await harness.zeebe.createProcessInstance({ bpmnProcessId: 'versions', variables: {} })).version).toBe(1);
    const [third] = await deploy('versions.bpmn', Buffer.from(processXml('versions', start('s3'), end('e'), sequence('s3', 'e'))));
    expect(third?.process?.version).toBe(3);
  });

  it('deletes a decision requirements graph with its decisions, and a form', async () => {
    const dmn = dmnDocument('<decision id="weg-besluit"><literalExpression><text>1</text></literalExpression></decision>', 'wegDrg');
    const [drg, decision] = (await harness.zeebe.deployResources([{ decision: Buffer.from(dmn), name: 'weg.dmn' }])).deployments as (Deployments[number] & { decision?: { decisionKey: string } })[];
    await expect(harness.zeebe.deleteResource({ resourceKey: decision?.decision?.decisionKey ?? '' })).rejects.toMatchObject({
      code: status.NOT_FOUND,
      details: expect.stringContaining("delete its decision requirements graph 'wegDrg'") as unknown,
    });
    await harness.zeebe.deleteResource({ resourceKey: drg?.decisionRequirements?.decisionRequirementsKey ?? '' });
    await expect(harness.zeebe.evaluateDecision({ decisionId: 'weg-besluit', variables: {} })).rejects.toMatchObject({ code: status.NOT_FOUND });
    const [form] = await deploy('weg.form', Buffer.from('{"id":"weg-formulier","components":[]}'));
    await harness.zeebe.deleteResource({ resourceKey: form?.form?.formKey ?? '' });
    expect(await harness.db('engine_forms').where({ form_id: 'weg-formulier' })).toEqual([]);
  });

  it('answers NOT_FOUND for an unknown key', async () => {
    await expect(harness.zeebe.deleteResource({ resourceKey: '2251799813999999' })).rejects.toMatchObject({ code: status.NOT_FOUND });
  });
});
