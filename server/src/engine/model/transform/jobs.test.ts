import { beforeAll, describe, expect, it } from 'vitest';
import { element, errorsById, readInvalid, readValid } from '../testing/fixtures.js';
import type { ExecutableProcess } from '../types.js';

describe('jobs and task implementations', () => {
  let jobs: ExecutableProcess;
  beforeAll(async () => {
    [jobs] = (await readValid('jobs.tasks')) as [ExecutableProcess];
  });

  it('reads a service task job: type, retries and headers', () => {
    const { job } = element(jobs, 'service');
    expect(job?.type).toMatchObject({ source: 'zaak-aanmaken', isStatic: true });
    expect(job?.retries.source).toBe('5');
    expect(job?.headers).toEqual({ zaaktype: 'omgevingsvergunning', empty: '' });
  });

  it('defaults retries to 3 and accepts FEEL for type and retries', () => {
    const { job } = element(jobs, 'dynamicService');
    expect(job?.type.isStatic).toBe(false);
    expect(job?.retries.isStatic).toBe(false);
    expect(element(jobs, 'send').job?.retries).toMatchObject({ source: '3', isStatic: true });
  });

  it('runs script and business rule tasks inline or as jobs', () => {
    expect(element(jobs, 'inlineScript')).toMatchObject({
      script: { resultVariable: 'sum', expression: { isStatic: false } },
    });
    expect(element(jobs, 'inlineScript').job).toBeUndefined();
    expect(element(jobs, 'workerScript').job?.type.source).toBe('run-script');
    expect(element(jobs, 'decision')).toMatchObject({
      calledDecision: {
        resultVariable: 'leges',
        bindingType: 'latest',
        decisionId: { source: 'leges' },
      },
    });
    expect(element(jobs, 'workerDecision').job?.type.source).toBe('evaluate-rules');
  });

  it('makes message throw and end events jobs', () => {
    expect(element(jobs, 'notify')).toMatchObject({
      type: 'INTERMEDIATE_THROW_EVENT',
      eventType: 'MESSAGE',
      job: { type: { source: 'notify' } },
    });
    expect(element(jobs, 'reply')).toMatchObject({
      eventType: 'MESSAGE',
      job: { type: { source: 'reply' } },
      message: { name: { source: 'answer' } },
    });
  });

  it('leaves undefined and manual tasks without a job', () => {
    expect(element(jobs, 'plain')).toMatchObject({ type: 'TASK' });
    expect(element(jobs, 'plain').job).toBeUndefined();
    expect(element(jobs, 'manual').type).toBe('MANUAL_TASK');
  });

  it("rejects tasks without a usable implementation, with Zeebe's messages", async () => {
    // when
    const problems = await readInvalid('jobs.missing-definitions');
    // then
    expect(errorsById(problems)).toEqual({
      noDefinition: ["Must have exactly one 'zeebe:taskDefinition' extension element"],
      noType: ["Attribute 'type' must be present and not empty (zeebe:taskDefinition)"],
      twoDefinitions: ["Must have at most one 'zeebe:taskDefinition' extension element"],
      sendWithoutJob: ["Must have exactly one 'zeebe:taskDefinition' extension element"],
      scriptWithoutAnything: [
        "Must have either one 'zeebe:script' or one 'zeebe:taskDefinition' extension element",
      ],
      decisionWithBoth: [
        "Must have either one 'zeebe:calledDecision' or one 'zeebe:taskDefinition' extension element",
      ],
      scriptWithoutResult: [
        "Attribute 'resultVariable' must be present and not empty (zeebe:script)",
      ],
      staticScript: [
        expect.stringContaining(
          "Expected expression in 'expression' of zeebe:script but found static value '1 + 1'",
        ),
      ],
      messageEndWithoutJob: ["Must have exactly one 'zeebe:taskDefinition' extension element"],
    });
  });
});
