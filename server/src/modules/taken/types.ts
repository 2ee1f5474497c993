import type { AuditActor } from '../audit/index.js';

export const taakStates = ['open', 'claimed', 'completed', 'cancelled'] as const;
export type TaakState = (typeof taakStates)[number];

/** A human task in the task list, stored from a job-based user task. */
export interface Taak {
  id: string;
  jobKey: string;
  name: string;
  elementId: string;
  bpmnProcessId: string;
  processInstanceKey: string;
  elementInstanceKey: string;
  zaakId: string | null;
  state: TaakState;
  assignee: string | null;
  candidateGroups: string[];
  candidateUsers: string[];
  dueDate: Date | null;
  followUpDate: Date | null;
  formKey: string | null;
  variables: Record<string, unknown>;
  draft: Record<string, unknown> | null;
  result: Record<string, unknown> | null;
  jobDeadline: Date | null;
  createdAt: Date;
  updatedAt: Date;
  claimedAt: Date | null;
  endedAt: Date | null;
  endedBy: string | null;
  /** A task of a proefrun zaak: assigned to the proefrun's starter, seen by nobody else. */
  proefrun: boolean;
}

/** What the user-task worker hands the service: the activated job, as the SDK gives it. */
export interface ActivatedUserTaskJob {
  key: string;
  elementId: string;
  bpmnProcessId: string;
  /** Which deployed process version the task belongs to (for its element's name). */
  processDefinitionKey?: string;
  processInstanceKey: string;
  elementInstanceKey: string;
  /** Epoch ms, as a string (int64 on the wire). */
  deadline: string;
  customHeaders: Readonly<Record<string, string | number>>;
  variables: Readonly<Record<string, unknown>>;
}

/** The caller of a task operation: who, their roles and groups, and how to audit them. */
export interface TaakUser {
  username: string;
  roles: readonly string[];
  groups: readonly string[];
  actor: AuditActor;
  requestId?: string;
}

export type TakenScope = 'mine' | 'group' | 'all';

export interface TakenQuery {
  scope: TakenScope;
  states: TaakState[];
  zaakId?: string | undefined;
  candidateGroup?: string | undefined;
  /** A username, or null for tasks nobody has taken. */
  assignee?: string | null | undefined;
  /** Free text over task name, zaaknummer, omschrijving, zaaktype, assignee and groups. */
  text?: string | undefined;
  /** A sort field, `-` first for descending; by deadline when absent. */
  sort?: string | undefined;
  dueBefore?: Date | undefined;
  limit: number;
  offset: number;
}

/** The zaak a listed task belongs to, as the zaken register has it now. */
export interface TaakZaak {
  identificatie: string;
  omschrijving: string;
  zaaktype: string;
  uiterlijkeEinddatumAfdoening: string | null;
}

export interface TaakListItem extends Taak {
  zaak: TaakZaak | null;
}

export interface TakenPage {
  taken: TaakListItem[];
  total: number;
  limit: number;
  offset: number;
}

/** The engine call the service needs: the SDK's ZeebeGrpcClient fits. */
export interface JobCompleter {
  completeJob(request: { jobKey: string; variables: Record<string, unknown> }): Promise<unknown>;
}
