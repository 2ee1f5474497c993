import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { end, processXml, sequence, start } from '../../testing/bpmnXml.js';
import { GatewayHarness } from './testing/gatewayHarness.js';

const numericKey: unknown = expect.stringMatching(/^[1-9]\d*$/);
const conformance = new URL('../../../../../../shared/conformance/zeebe-process-test/', import.meta.url);
const formV1 = readFileSync(new URL('test-form.form', conformance));
const formV2 = readFileSync(new URL('test-form-v2.form', conformance));

const linkedTask = (formId: string) =>
  `<bpmn:userTask id="fill"><bpmn:extensionElements><zeebe:formDefinition formId="${formId}"/></bpmn:extensionElements></bpmn:userTask>`;

describe('forms through the gRPC gateway', () => {
  let harness: GatewayHarness;

  beforeAll(async () => {
    harness = await GatewayHarness.start();
  });
  afterAll(() => harness.stop());

  it('deploys the conformance forms and versions them by form id', async () => {
    const first = await harness.zeebe.deployResources([{ form: formV1, name: 'test-form.form' }]);
    expect(first.deployments).toMatchObject([
      { form: { formId: 'Form_0w7r08e', version: 1, formKey: numericKey, resourceName: 'test-form.form', tenantId: '<default>' } },
    ]);
    const unchanged = await harness.zeebe.deployResources([{ form: formV1, name: 'test-form.form' }]);
    expect(unchanged.deployments).toEqual(first.deployments);
    const second = await harness.zeebe.deployResources([{ form: formV2, name: 'test-form.form' }]);
    expect(second.deployments).toMatchObject([{ form: { formId: 'Form_0w7r08e', version: 2 } }]);
  });

  it('rejects a form without an id', async () => {
    await expect(harness.zeebe.deployResources([{ form: Buffer.from('{"components":[]}'), name: 'anoniem.form' }])).rejects.toMatchObject({
      details: expect.stringContaining("'anoniem.form': - ERROR: Expected the form to have an 'id'") as unknown,
    });
  });

  it('gives a linked user task the key of the latest form version in its formKey header', async () => {
    const deployment = await harness.zeebe.deployResources([
      { form: Buffer.from(JSON.stringify({ id: 'aanvraag', components: [] })), name: 'aanvraag.form' },
      { process: Buffer.from(processXml('linked-form', start('s'), linkedTask('aanvraag'), end('e'), sequence('s', 'fill', 'e'))), name: 'linked.bpmn' },
    ]);
    const formKey = (deployment.deployments as { form?: { formKey: string } }[]).find((d) => d.form)?.form?.formKey;
    await harness.zeebe.createProcessInstance({ bpmnProcessId: 'linked-form', variables: {} });
    const jobs = await harness.engine.activateJobs({ type: 'io.camunda.zeebe:userTask', worker: 'test', timeout: 60_000, maxJobsToActivate: 10 });
    expect(jobs.find((job) => job.bpmnProcessId === 'linked-form')?.customHeaders).toEqual({ 'io.camunda.zeebe:formKey': formKey });
  });

  it('raises FORM_NOT_FOUND when the linked form is not deployed', async () => {
    await harness.zeebe.deployResource({ process: Buffer.from(processXml('unlinked', start('s'), linkedTask('weg'), end('e'), sequence('s', 'fill', 'e'))), name: 'unlinked.bpmn' });
    const instance = await harness.zeebe.createProcessInstance({ bpmnProcessId: 'unlinked', variables: {} });
    expect(await harness.incidents(instance.processInstanceKey)).toEqual([
      expect.objectContaining({ error_type: 'FORM_NOT_FOUND', error_message: expect.stringContaining("Expected to find a form with id 'weg'") as unknown }),
    ]);
  });
});
