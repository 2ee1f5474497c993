import { beforeAll, describe, expect, it } from 'vitest';
import { element, readValid } from '../testing/fixtures.js';
import type { ExecutableProcess } from '../types.js';

describe('process structure', () => {
  let permit: ExecutableProcess;
  beforeAll(async () => {
    [permit] = (await readValid('structure.scopes')) as [ExecutableProcess];
  });

  it('lists the direct children of each container, with its none start event and event subprocesses', () => {
    expect(permit.process).toMatchObject({
      childIds: [
        'received',
        'check',
        'checkFailed',
        'rejected',
        'decide',
        'assess',
        'reminder',
        'remind',
        'done',
        'onWithdrawal',
        'onQuestion',
      ],
      noneStartEventId: 'received',
      eventSubProcessIds: ['onWithdrawal', 'onQuestion'],
      eventType: 'UNSPECIFIED',
    });
    expect(element(permit, 'assess')).toMatchObject({
      type: 'SUB_PROCESS',
      childIds: ['assessStart', 'review', 'assessEnd'],
      noneStartEventId: 'assessStart',
    });
    expect(element(permit, 'onWithdrawal')).toMatchObject({
      type: 'EVENT_SUB_PROCESS',
      childIds: ['withdrawn', 'withdrawnEnd'],
    });
    expect(element(permit, 'onWithdrawal').noneStartEventId).toBeUndefined();
  });

  it('gives every element inside a subprocess its flow scope', () => {
    expect(element(permit, 'check').flowScopeId).toBe('permit');
    expect(element(permit, 'review').flowScopeId).toBe('assess');
    expect(element(permit, 'withdrawn').flowScopeId).toBe('onWithdrawal');
    expect(permit.process.flowScopeId).toBeUndefined();
  });

  it('connects incoming and outgoing flows', () => {
    expect(element(permit, 'decide')).toMatchObject({
      incoming: ['toDecide'],
      outgoing: ['toAssess', 'toFastTrack'],
      defaultFlowId: 'toAssess',
    });
    expect(element(permit, 'done').incoming).toEqual(['toFastTrack', 'toDone']);
    expect(element(permit, 'review')).toMatchObject({
      incoming: ['toReview'],
      outgoing: ['toAssessEnd'],
    });
  });

  it('compiles conditions and keeps unconditional flows without one', () => {
    expect(permit.flows.get('toFastTrack')).toMatchObject({
      name: 'simple',
      condition: { isStatic: false },
    });
    expect(permit.flows.get('toAssess')!.condition).toBeUndefined();
  });

  it('attaches boundary events to their activity, interrupting unless cancelActivity is false', () => {
    expect(element(permit, 'check').boundaryEventIds).toEqual(['checkFailed']);
    expect(element(permit, 'checkFailed')).toMatchObject({
      type: 'BOUNDARY_EVENT',
      eventType: 'ERROR',
      attachedToId: 'check',
      interrupting: true,
    });
    expect(element(permit, 'checkFailed').errorCode?.source).toBe('INCOMPLETE');
    expect(element(permit, 'reminder')).toMatchObject({
      eventType: 'TIMER',
      attachedToId: 'assess',
      interrupting: false,
      timer: { kind: 'cycle' },
    });
    expect(element(permit, 'remind').boundaryEventIds).toBeUndefined();
  });

  it('marks event subprocess start events interrupting or not', () => {
    expect(element(permit, 'withdrawn')).toMatchObject({
      eventType: 'MESSAGE',
      interrupting: true,
    });
    expect(element(permit, 'question')).toMatchObject({
      eventType: 'MESSAGE',
      interrupting: false,
    });
    expect(element(permit, 'withdrawn').message?.name.source).toBe('withdrawal');
    expect(element(permit, 'received').interrupting).toBeUndefined();
  });

  it('gives non-event elements the UNSPECIFIED event type and none events NONE', () => {
    expect(element(permit, 'check').eventType).toBe('UNSPECIFIED');
    expect(element(permit, 'received').eventType).toBe('NONE');
  });
});
