import { describe, expect, it } from 'vitest';
import { diffModels, signatureOf, type BusinessObject } from './modelDiff';

const task = (id: string, extra: Record<string, unknown> = {}): BusinessObject => ({
  id,
  $type: 'bpmn:ServiceTask',
  name: id,
  extensionElements: {
    $type: 'bpmn:ExtensionElements',
    values: [{ $type: 'zeebe:TaskDefinition', type: 'zaak.status' }],
  },
  ...extra,
});

describe('diffModels', () => {
  it('finds added, removed and changed elements by id', () => {
    const start: BusinessObject = { id: 'Start', $type: 'bpmn:StartEvent' };
    const older = [start, task('A'), task('B')].map(signatureOf);
    const newer = [start, task('A', { name: 'A renamed' }), task('C')].map(signatureOf);
    expect(diffModels(older, newer)).toEqual({ added: ['C'], removed: ['B'], changed: ['A'] });
  });

  it('sees a changed setting the engine reads, and a flow that now ends elsewhere', () => {
    const flow = (target: string): BusinessObject => ({
      id: 'Flow',
      $type: 'bpmn:SequenceFlow',
      sourceRef: { id: 'A', $type: 'bpmn:ServiceTask' },
      targetRef: { id: target, $type: 'bpmn:EndEvent' },
    });
    const header = task('A', {
      extensionElements: {
        $type: 'bpmn:ExtensionElements',
        values: [{ $type: 'zeebe:TaskDefinition', type: 'zaak.resultaat' }],
      },
    });
    expect(
      diffModels(
        [task('A'), flow('End1')].map(signatureOf),
        [header, flow('End2')].map(signatureOf),
      ).changed,
    ).toEqual(['A', 'Flow']);
  });

  it('does not follow back references (no endless loop on a real moddle graph)', () => {
    const parent: BusinessObject = { id: 'Process', $type: 'bpmn:Process' };
    const child = task('A', { $parent: parent });
    parent.flowElements = [child];
    expect(() => signatureOf(child)).not.toThrow();
    expect(diffModels([signatureOf(child)], [signatureOf(child)])).toEqual({
      added: [],
      removed: [],
      changed: [],
    });
  });
});
