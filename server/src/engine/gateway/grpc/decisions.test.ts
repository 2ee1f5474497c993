import { readFileSync } from 'node:fs';
import { status } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dmnDocument, tableDecision } from '../../dmn/testing/dmnXml.js';
import { end, processXml, sequence, start } from '../../testing/bpmnXml.js';
import { GatewayHarness } from './testing/gatewayHarness.js';

const numericKey: unknown = expect.stringMatching(/^[1-9]\d*$/);
const dishDmn = readFileSync(new URL('../../dmn/fixtures/dish.dmn', import.meta.url));

const ruleTask = (id: string, decisionId: string, resultVariable: string) =>
  `<bpmn:businessRuleTask id="${id}"><bpmn:extensionElements><zeebe:calledDecision decisionId="${decisionId.replace(/"/g, '&quot;')}" resultVariable="${resultVariable}"/></bpmn:extensionElements></bpmn:businessRuleTask>`;

function ruleProcess(processId: string, decisionId: string): Buffer {
  return Buffer.from(processXml(processId, start('s'), ruleTask('decide', decisionId, 'outcome'), end('e'), sequence('s', 'decide', 'e')));
}

describe('DMN through the gRPC gateway', () => {
  let harness: GatewayHarness;

  beforeAll(async () => {
    harness = await GatewayHarness.start();
  });
  afterAll(() => harness.stop());

  it('deploys a DMN resource and reports the DRG and its decisions', async () => {
    const deployment = await harness.zeebe.deployResources([{ decision: dishDmn, name: 'dish.dmn' }]);
    expect(deployment.deployments).toMatchObject([
      {
        decisionRequirements: {
          dmnDecisionRequirementsId: 'dishDecisions',
          dmnDecisionRequirementsName: 'Dish decisions',
          version: 1,
          decisionRequirementsKey: numericKey,
          resourceName: 'dish.dmn',
          tenantId: '<default>',
        },
      },
      ...['season', 'dish', 'greeting'].map((id) => ({
        decision: expect.objectContaining({ dmnDecisionId: id, version: 1, decisionKey: numericKey, dmnDecisionRequirementsId: 'dishDecisions' }) as unknown,
      })),
    ]);
    const again = await harness.zeebe.deployResources([{ decision: dishDmn, name: 'dish.dmn' }]);
    expect(again.deployments[1]).toEqual(deployment.deployments[1]);
  });

  it('rejects a broken DMN resource naming the file and the decision', async () => {
    const broken = Buffer.from(dmnDocument(tableDecision({ decisionId: 'kapot', inputs: ['a'], outputs: [{ name: 'r' }], rules: [[['>>'], ['1']]] })));
    await expect(harness.zeebe.deployResources([{ decision: broken, name: 'kapot.dmn' }])).rejects.toMatchObject({
      code: status.INVALID_ARGUMENT,
      details: expect.stringMatching(/'kapot\.dmn': - Element: kapot\n {4}- ERROR: Rule 'rule1': failed to parse unary tests '>>'/) as unknown,
    });
  });

  it('runs a business rule task: evaluates the latest decision and writes the result variable', async () => {
    await harness.zeebe.deployResources([{ decision: dishDmn, name: 'dish.dmn' }]);
    await harness.zeebe.deployResource({ process: ruleProcess('menu', 'dish'), name: 'menu.bpmn' });
    await harness.zeebe.deployResource({ process: ruleProcess('menu-feel', '="di" + "sh"'), name: 'menu-feel.bpmn' });
    for (const processId of ['menu', 'menu-feel']) {
      const result = await harness.zeebe.createProcessInstanceWithResult({ bpmnProcessId: processId, variables: { month: 1, guests: 12 }, requestTimeout: 10_000 });
      expect(result.variables).toMatchObject({ outcome: 'Stew' });
    }
  });

  it('leaves a business rule task with a zeebe:taskDefinition to a job worker', async () => {
    const jobTask = '<bpmn:businessRuleTask id="decide"><bpmn:extensionElements><zeebe:taskDefinition type="besluit-extern"/></bpmn:extensionElements></bpmn:businessRuleTask>';
    await harness.zeebe.deployResource({ process: Buffer.from(processXml('rule-job', start('s'), jobTask, end('e'), sequence('s', 'decide', 'e'))), name: 'rule-job.bpmn' });
    await harness.zeebe.createProcessInstance({ bpmnProcessId: 'rule-job', variables: {} });
    const jobs = await harness.engine.activateJobs({ type: 'besluit-extern', worker: 'test', timeout: 60_000, maxJobsToActivate: 1 });
    expect(jobs.map((job) => job.elementId)).toEqual(['decide']);
  });

  it('raises CALLED_DECISION_ERROR for an unknown decision and DECISION_EVALUATION_ERROR for a failed one', async () => {
    await harness.zeebe.deployResource({ process: ruleProcess('missing-decision', 'nergens'), name: 'missing.bpmn' });
    const missing = await harness.zeebe.createProcessInstance({ bpmnProcessId: 'missing-decision', variables: {} });
    expect(await harness.incidents(missing.processInstanceKey)).toEqual([
      expect.objectContaining({ error_type: 'CALLED_DECISION_ERROR', error_message: "Expected to evaluate decision 'nergens', but no decision found for id 'nergens'" }),
    ]);
    const clash = dmnDocument(tableDecision({ decisionId: 'clash', inputs: ['x'], outputs: [{ name: 'r' }], rules: [[['> 0'], ['1']], [['> 1'], ['2']]] }), 'clashDrg');
    await harness.zeebe.deployResources([{ decision: Buffer.from(clash), name: 'clash.dmn' }]);
    await harness.zeebe.deployResource({ process: ruleProcess('clashing', 'clash'), name: 'clashing.bpmn' });
    const failed = await harness.zeebe.createProcessInstance({ bpmnProcessId: 'clashing', variables: { x: 5 } });
    expect(await harness.incidents(failed.processInstanceKey)).toEqual([
      expect.objectContaining({ error_type: 'DECISION_EVALUATION_ERROR', error_message: expect.stringMatching(/^Expected to evaluate decision 'clash', but hit policy UNIQUE/) as unknown }),
    ]);
  });

  it('continues once the missing decision is deployed and the incident resolved', async () => {
    await harness.zeebe.deployResource({ process: ruleProcess('later-decision', 'later'), name: 'later.bpmn' });
    const instance = await harness.zeebe.createProcessInstance({ bpmnProcessId: 'later-decision', variables: {} });
    const [incident] = await harness.incidents(instance.processInstanceKey);
    const later = dmnDocument('<decision id="later" name="Later"><literalExpression><text>"er is een besluit"</text></literalExpression></decision>', 'laterDrg');
    await harness.zeebe.deployResources([{ decision: Buffer.from(later), name: 'later.dmn' }]);
    await harness.zeebe.resolveIncident({ incidentKey: incident?.key ?? '' });
    const state = (await harness.db('engine_element_instances').where({ key: instance.processInstanceKey }).first()) as { state: string };
    expect(state.state).toBe('COMPLETED');
    const variable = (await harness.db('engine_variables').where({ process_instance_key: instance.processInstanceKey, name: 'outcome' }).first()) as { value: string };
    expect(variable.value).toBe('"er is een besluit"');
  });

  it('evaluates a decision by id and by key with EvaluateDecision', async () => {
    const deployment = await harness.zeebe.deployResources([{ decision: dishDmn, name: 'dish.dmn' }]);
    const byId = await harness.zeebe.evaluateDecision({ decisionId: 'dish', variables: { month: 12, guests: 2 } });
    expect(byId).toMatchObject({
      decisionId: 'dish',
      decisionName: 'Dish',
      decisionVersion: 1,
      decisionRequirementsId: 'dishDecisions',
      decisionOutput: '"Roastbeef"',
      failedDecisionId: '',
      failureMessage: '',
      tenantId: '<default>',
      decisionInstanceKey: numericKey,
    });
    expect(byId.evaluatedDecisions.map((d) => [d.decisionId, d.decisionType, d.decisionOutput])).toEqual([
      ['season', 'DECISION_TABLE', '"Winter"'],
      ['dish', 'DECISION_TABLE', '"Roastbeef"'],
    ]);
    expect(byId.evaluatedDecisions[1]?.matchedRules).toEqual([
      { ruleId: 'r1', ruleIndex: 1, evaluatedOutputs: [{ outputId: 'dishOut', outputName: 'dish', outputValue: '"Roastbeef"' }] },
    ]);
    expect(byId.evaluatedDecisions[1]?.evaluatedInputs).toEqual([
      { inputId: 'seasonIn', inputName: 'Season', inputValue: '"Winter"' },
      { inputId: 'guestsIn', inputName: 'Guests', inputValue: '2' },
    ]);
    const decisions = deployment.deployments as { decision?: { dmnDecisionId: string; decisionKey: string } }[];
    const greetingKey = decisions.find((d) => d.decision?.dmnDecisionId === 'greeting')?.decision?.decisionKey ?? '';
    const byKey = await harness.raw.call<{ decisionOutput: string }>('EvaluateDecision', { decisionKey: greetingKey, variables: '{"name":"Zaak"}' });
    expect(byKey.decisionOutput).toBe('"Hello Zaak"');
  });

  it('reports a failed evaluation in the failure fields and an unknown decision as NOT_FOUND', async () => {
    const failed = await harness.zeebe.evaluateDecision({ decisionId: 'clash', variables: { x: 5 } });
    expect(failed).toMatchObject({ failedDecisionId: 'clash', failureMessage: expect.stringMatching(/hit policy UNIQUE/) as unknown, decisionOutput: 'null' });
    await expect(harness.zeebe.evaluateDecision({ decisionId: 'onbekend', variables: {} })).rejects.toMatchObject({ code: status.NOT_FOUND });
  });
});
