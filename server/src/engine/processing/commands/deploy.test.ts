import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineHarness } from '../../testing/engineHarness.js';
import { end, processXml, sequence, serviceTask, start } from '../../testing/bpmnXml.js';

const oneTask = (type: string) => processXml('deploy-test', start('s'), serviceTask('a', type), end('e'), sequence('s', 'a', 'e'));

describe('deploy', () => {
  let harness: EngineHarness;
  beforeAll(async () => {
    harness = await EngineHarness.start();
  });
  afterAll(async () => harness.stop());

  it('gives version 1, keeps the version for the same content, and increments for new content', async () => {
    // given / when
    const first = await harness.deploy(oneTask('a'));
    const same = await harness.deploy(oneTask('a'));
    const changed = await harness.deploy(oneTask('b'));
    // then
    expect(first.processes[0]).toMatchObject({ bpmnProcessId: 'deploy-test', version: 1 });
    expect(same.processes[0]).toMatchObject({ version: 1, processDefinitionKey: first.processes[0]!.processDefinitionKey });
    expect(changed.processes[0]).toMatchObject({ version: 2 });
    expect(BigInt(first.processes[0]!.processDefinitionKey)).toBeGreaterThan(1n << 51n);
  });

  it('deploys several resources atomically: one bad resource rejects all', async () => {
    // given a good and a bad resource
    const good = { name: 'good.bpmn', content: Buffer.from(processXml('atomic-good', start('s'), end('e'), sequence('s', 'e'))) };
    const bad = { name: 'bad.bpmn', content: Buffer.from(processXml('atomic-bad', start('s'), '<bpmn:serviceTask id="noType"/>', end('e'), sequence('s', 'noType', 'e'))) };
    // when / then
    await expect(harness.engine.deploy([good, bad])).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringContaining('noType'),
    });
    await expect(harness.start('atomic-good')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('rejects malformed XML with INVALID_ARGUMENT naming the resource', async () => {
    await expect(harness.engine.deploy([{ name: 'broken.bpmn', content: Buffer.from('<bpmn:definitions') }])).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringContaining("'broken.bpmn'"),
    });
  });

  it('rejects documents with a DOCTYPE (no entity expansion)', async () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>${oneTask('a').replace(/^<\?xml[^>]*>/, '')}`;
    await expect(harness.engine.deploy([{ name: 'xxe.bpmn', content: Buffer.from(xml) }])).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });

  it('rejects elements the engine cannot run yet, naming them', async () => {
    const xml = processXml('unsupported', start('s'), '<bpmn:complexGateway id="cg"/>', end('e'), sequence('s', 'cg', 'e'));
    await expect(harness.deploy(xml)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('cg') });
  });

  it('writes DEPLOYMENT and PROCESS records', async () => {
    const result = await harness.deploy(oneTask('records'), 'records.bpmn');
    const rows = (await harness.db('engine_records').where({ key: result.key })) as { value_type: string; intent: string }[];
    expect(rows).toEqual([expect.objectContaining({ value_type: 'DEPLOYMENT', intent: 'CREATED' })]);
  });
});
