import { randomUUID } from 'node:crypto';
import type { NewTaak } from './takenRepository.js';
import type { ActivatedUserTaskJob } from './types.js';

export const USER_TASK_JOB_TYPE = 'io.camunda.zeebe:userTask';
const HEADER = 'io.camunda.zeebe:';

/** Turns an activated job-based user task into a task row, reading Zeebe's user-task headers. */
export function taakFromJob(job: ActivatedUserTaskJob, elementName: string | undefined): NewTaak {
  const header = (name: string) => {
    const value = job.customHeaders[HEADER + name];
    return value === undefined || value === '' ? undefined : String(value);
  };
  const assignee = header('assignee') ?? null;
  const zaak = job.variables.zaak as { id?: unknown } | undefined;
  return {
    id: randomUUID(),
    jobKey: job.key,
    name: elementName ?? job.elementId,
    elementId: job.elementId,
    bpmnProcessId: job.bpmnProcessId,
    processInstanceKey: job.processInstanceKey,
    elementInstanceKey: job.elementInstanceKey,
    zaakId: typeof zaak?.id === 'string' || typeof zaak?.id === 'number' ? String(zaak.id) : null,
    state: assignee ? 'claimed' : 'open',
    assignee,
    candidateGroups: listHeader(header('candidateGroups')),
    candidateUsers: listHeader(header('candidateUsers')),
    dueDate: dateHeader(header('dueDate')),
    followUpDate: dateHeader(header('followUpDate')),
    formKey: header('formKey') ?? null,
    variables: { ...job.variables },
    jobDeadline: Number.isFinite(Number(job.deadline)) ? new Date(Number(job.deadline)) : null,
    claimedAt: assignee ? new Date() : null,
    proefrun: false,
  };
}

/** A job of a proefrun's process: its `zaak` variable says so (set when the proefrun zaak is registered). */
export function isProefrunJob(job: ActivatedUserTaskJob): boolean {
  return (job.variables.zaak as { proefrun?: unknown } | undefined)?.proefrun === true;
}

/**
 * A proefrun's task goes to the beheerder who started the proefrun, and to nobody else: no
 * candidate group, so it never shows in a behandelaar's werkvoorraad. Without a starter (the
 * proefrun zaak was removed while its process still ran) it goes to nobody at all.
 */
export function asProefrunTaak(taak: NewTaak, starter: string | undefined): NewTaak {
  return {
    ...taak,
    proefrun: true,
    state: starter ? 'claimed' : 'open',
    assignee: starter ?? null,
    candidateGroups: [],
    candidateUsers: [],
    claimedAt: starter ? new Date() : null,
  };
}

/** Zeebe writes candidate lists as a JSON array; older models used comma-separated text. */
function listHeader(value: string | undefined): string[] {
  if (!value) return [];
  try {
    const parsed = JSON.parse(value) as unknown;
    if (Array.isArray(parsed)) return parsed.map(String).filter(Boolean);
  } catch {
    // not JSON: fall through to comma-separated
  }
  return value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

/** An unparseable date is dropped rather than failing the task: the task matters more than its date. */
function dateHeader(value: string | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
