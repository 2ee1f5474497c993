import { describe, expect, it } from 'vitest';
import { applyOutcome, type ReportableJob } from './applyOutcome.js';
import { exponentialBackOffMs } from './backOff.js';

function recordingJob(retries: number) {
  const calls: unknown[][] = [];
  const ack = async () => 'JOB_ACTION_ACKNOWLEDGEMENT' as const;
  const job: ReportableJob = {
    retries,
    complete: (...args) => (calls.push(['complete', ...args]), ack()),
    fail: (...args) => (calls.push(['fail', ...args]), ack()),
    error: (...args) => (calls.push(['error', ...args]), ack()),
  };
  return { job, calls };
}

describe('applyOutcome', () => {
  it('given a technical failure, then fails with one retry fewer and exponential back-off', async () => {
    const { job, calls } = recordingJob(3);
    await applyOutcome(job, { outcome: 'fail', message: 'down' });
    expect(calls).toEqual([['fail', { errorMessage: 'down', retries: 2, retryBackOff: 5_000 }]]);
  });

  it('given a model error (retries 0), then fails without back-off so an incident is raised', async () => {
    const { job, calls } = recordingJob(3);
    await applyOutcome(job, { outcome: 'fail', message: 'header', retries: 0 });
    expect(calls).toEqual([['fail', { errorMessage: 'header', retries: 0, retryBackOff: 0 }]]);
  });

  it('given complete and bpmnError, then completes with variables or throws the error code', async () => {
    const { job, calls } = recordingJob(1);
    await applyOutcome(job, { outcome: 'complete', variables: { a: 1 } });
    await applyOutcome(job, {
      outcome: 'bpmnError',
      errorCode: 'ZAAK_NIET_GEVONDEN',
      message: 'weg',
    });
    expect(calls).toEqual([
      ['complete', { a: 1 }],
      ['error', 'ZAAK_NIET_GEVONDEN', 'weg'],
    ]);
  });

  it('doubles the back-off per attempt up to ten minutes', () => {
    expect([3, 2, 1, 0, -10].map(exponentialBackOffMs)).toEqual([
      5_000, 10_000, 20_000, 40_000, 600_000,
    ]);
  });
});
