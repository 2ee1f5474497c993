import { describe, expect, it } from 'vitest';
import { asProefrunTaak, isProefrunJob, taakFromJob } from './userTaskJob.js';
import type { ActivatedUserTaskJob } from './types.js';

const job = (zaak: Record<string, unknown>): ActivatedUserTaskJob => ({
  key: '1',
  elementId: 'beoordelen',
  bpmnProcessId: 'proefrun-melding',
  processInstanceKey: '2',
  elementInstanceKey: '3',
  deadline: '0',
  customHeaders: { 'io.camunda.zeebe:candidateGroups': '["team-a"]' },
  variables: { zaak },
});

describe('a proefrun user task', () => {
  it('given a job of a proefrun process, then its task is the starter’s alone, in no group', () => {
    const proefrunJob = job({ id: 'z1', proefrun: true });
    expect(isProefrunJob(proefrunJob)).toBe(true);
    expect(asProefrunTaak(taakFromJob(proefrunJob, undefined), 'bea')).toMatchObject({
      proefrun: true,
      state: 'claimed',
      assignee: 'bea',
      candidateGroups: [],
      candidateUsers: [],
    });
  });

  it('given its zaak was removed (no starter), then the task goes to nobody', () => {
    expect(
      asProefrunTaak(taakFromJob(job({ proefrun: true }), undefined), undefined),
    ).toMatchObject({
      proefrun: true,
      state: 'open',
      assignee: null,
      candidateGroups: [],
    });
  });

  it('given a job of a real zaak, then it is no proefrun', () => {
    expect(isProefrunJob(job({ id: 'z2' }))).toBe(false);
    expect(taakFromJob(job({ id: 'z2' }), undefined)).toMatchObject({
      proefrun: false,
      candidateGroups: ['team-a'],
    });
  });
});
