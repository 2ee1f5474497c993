import { beforeAll, describe, expect, it } from 'vitest';
import { element, errorsById, readInvalid, readValid } from '../testing/fixtures.js';
import type { ExecutableProcess } from '../types.js';

describe('user tasks', () => {
  let tasks: ExecutableProcess;
  beforeAll(async () => {
    [tasks] = (await readValid('userTasks.forms')) as [ExecutableProcess];
  });

  it('reads a job-based user task: assignment, schedule, embedded form and headers', () => {
    // when
    const review = element(tasks, 'review');
    // then
    expect(review.job).toBeUndefined();
    expect(review.userTask).toMatchObject({
      isCamundaUserTask: false,
      assignee: { source: 'initiator', isStatic: false },
      candidateGroups: { source: 'vergunningen, juristen', isStatic: true },
      candidateUsers: { isStatic: false },
      dueDate: { source: '2026-12-01T17:00:00+01:00', isStatic: true },
      followUpDate: { isStatic: false },
      formKey: 'camunda-forms:bpmn:reviewForm',
      customHeaders: { zaakfase: 'beoordeling' },
    });
    expect(JSON.parse(review.userTask!.embeddedForm!)).toEqual({
      components: [{ key: 'approved', type: 'checkbox' }],
    });
  });

  it('keeps a custom form key as it is and reads a bare user task', () => {
    expect(element(tasks, 'customKey').userTask).toEqual({
      isCamundaUserTask: false,
      formKey: 'forms/intake',
    });
    expect(element(tasks, 'bare').userTask).toEqual({ isCamundaUserTask: false });
  });

  it('reads Camunda user tasks with a linked or external form and a priority', () => {
    expect(element(tasks, 'camundaTask').userTask).toMatchObject({
      isCamundaUserTask: true,
      formId: 'intake-form',
      priority: { source: '75' },
    });
    expect(element(tasks, 'externalForm').userTask).toMatchObject({
      isCamundaUserTask: true,
      externalReference: 'https://forms.example/intake',
    });
  });

  it('rejects static values Zeebe would reject, and warns about a missing embedded form', async () => {
    // when
    const problems = await readInvalid('userTasks.invalid');
    // then
    expect(errorsById(problems)).toEqual({
      badDueDate: [
        "Expected static value of 'dueDate' to be a valid DateTime String, e.g. '2023-03-02T15:35+02:00', but found 'next tuesday'.",
      ],
      badCandidates: [
        "Expected static value of 'candidateGroups' to be a list of comma-separated values, e.g. 'a,b,c', but found 'a,,b'.",
      ],
      badPriority: [
        "Expected static value of 'priority' to be a valid Number between 0 and 100, but found '200'.",
      ],
      twoForms: ["Exactly one of the attributes 'formId, formKey' must be present and not blank"],
    });
    expect(problems).toContainEqual(
      expect.objectContaining({ severity: 'warning', elementId: 'missingEmbeddedForm' }),
    );
  });
});
