import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runZbctl } from './testing/gatewayClients.js';
import { GatewayHarness } from './testing/gatewayHarness.js';

/**
 * Interoperability with zbctl, Camunda's Go client (npm package `zbctl`): every command an
 * operator uses day to day, against the embedded engine's gateway.
 */
const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="zbctl" targetNamespace="http://zaakstroom.test">
  <bpmn:process id="zbctl-interop" isExecutable="true">
    <bpmn:startEvent id="start"/>
    <bpmn:serviceTask id="work"><bpmn:extensionElements><zeebe:taskDefinition type="zbctl-work"/></bpmn:extensionElements></bpmn:serviceTask>
    <bpmn:endEvent id="end"/>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="work"/>
    <bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="end"/>
  </bpmn:process>
</bpmn:definitions>`;

describe('zbctl interoperability', () => {
  let harness: GatewayHarness;
  let zbctl: (...args: string[]) => Promise<string>;
  beforeAll(async () => {
    harness = await GatewayHarness.start();
    zbctl = async (...args) => {
      const result = await runZbctl(harness.port, args);
      if (result.exitCode !== 0) throw new Error(`zbctl ${args.join(' ')} failed: ${result.stderr}`);
      return result.stdout;
    };
  });
  afterAll(async () => harness.stop());

  async function startInstance(): Promise<string> {
    const created = JSON.parse(await zbctl('create', 'instance', 'zbctl-interop', '--variables', '{"zaak":"ZAAK-1"}')) as {
      processInstanceKey: string;
    };
    return String(created.processInstanceKey);
  }

  async function activateOne(): Promise<{ key: string; variables: string }> {
    const activated = JSON.parse(await zbctl('activate', 'jobs', 'zbctl-work', '--maxJobsToActivate', '1', '--timeout', '1m')) as {
      jobs: { key: string; variables: string }[];
    };
    expect(activated.jobs).toHaveLength(1);
    return activated.jobs[0]!;
  }

  async function instanceState(key: string): Promise<string> {
    const row = (await harness.db('engine_element_instances').where({ key }).first()) as { state: string };
    return row.state;
  }

  it('status, deploy, create an instance, activate and complete a job', async () => {
    expect(await zbctl('status')).toContain('Partition 1');
    const file = join(mkdtempSync(join(tmpdir(), 'zs-zbctl-')), 'interop.bpmn');
    writeFileSync(file, xml);
    expect(await zbctl('deploy', 'resource', file)).toContain('zbctl-interop');
    const key = await startInstance();
    const job = await activateOne();
    expect(JSON.parse(job.variables)).toEqual({ zaak: 'ZAAK-1' });
    await zbctl('complete', 'job', String(job.key), '--variables', '{"done":true}');
    expect(await instanceState(key)).toBe('COMPLETED');
  });

  it('fail a job, update its retries, resolve the incident, then complete', async () => {
    const key = await startInstance();
    const job = await activateOne();
    await zbctl('fail', 'job', String(job.key), '--retries', '0', '--errorMessage', 'service unavailable');
    const [incident] = await harness.incidents(key);
    expect(incident).toMatchObject({ error_type: 'JOB_NO_RETRIES', error_message: 'service unavailable' });
    await zbctl('update', 'retries', String(job.key), '--retries', '2');
    await zbctl('resolve', 'incident', String(incident!.key));
    const again = await activateOne();
    expect(String(again.key)).toBe(String(job.key));
    await zbctl('complete', 'job', String(again.key));
    expect(await instanceState(key)).toBe('COMPLETED');
  });

  it('cancel an instance', async () => {
    const key = await startInstance();
    await zbctl('cancel', 'instance', key);
    expect(await instanceState(key)).toBe('TERMINATED');
  });

  it('reports a rejection as an error with the reason', async () => {
    const result = await runZbctl(harness.port, ['complete', 'job', '2251799813685999']);
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toContain('NotFound');
  });
});
