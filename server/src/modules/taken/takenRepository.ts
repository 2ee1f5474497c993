import type { Knex } from 'knex';
import { isZaakId } from '../zaken/index.js';
import type { Taak, TaakListItem, TaakState, TakenQuery } from './types.js';

interface TaakRow {
  id: string;
  job_key: string;
  name: string;
  element_id: string;
  bpmn_process_id: string;
  process_instance_key: string;
  element_instance_key: string;
  zaak_id: string | null;
  state: TaakState;
  assignee: string | null;
  candidate_groups: string[];
  candidate_users: string[];
  due_date: Date | string | null;
  follow_up_date: Date | string | null;
  form_key: string | null;
  variables: Record<string, unknown>;
  draft: Record<string, unknown> | null;
  result: Record<string, unknown> | null;
  job_deadline: Date | string | null;
  created_at: Date | string;
  updated_at: Date | string;
  claimed_at: Date | string | null;
  ended_at: Date | string | null;
  ended_by: string | null;
  proefrun: boolean;
}

export type NewTaak = Omit<
  Taak,
  'createdAt' | 'updatedAt' | 'draft' | 'result' | 'endedAt' | 'endedBy'
>;

/**
 * Inserts the task unless one exists for the job key; then only the engine's lock and the
 * variables snapshot are refreshed, so state, assignee and draft survive a re-activation.
 */
export async function upsertTaakForJob(
  db: Knex,
  taak: NewTaak,
): Promise<{ taak: Taak; created: boolean }> {
  const rows: (TaakRow & { inserted: boolean })[] = await db('taken')
    .insert({
      id: taak.id,
      job_key: taak.jobKey,
      name: taak.name,
      element_id: taak.elementId,
      bpmn_process_id: taak.bpmnProcessId,
      process_instance_key: taak.processInstanceKey,
      element_instance_key: taak.elementInstanceKey,
      zaak_id: taak.zaakId,
      state: taak.state,
      assignee: taak.assignee,
      candidate_groups: taak.candidateGroups,
      candidate_users: taak.candidateUsers,
      due_date: taak.dueDate,
      follow_up_date: taak.followUpDate,
      form_key: taak.formKey,
      variables: JSON.stringify(taak.variables),
      job_deadline: taak.jobDeadline,
      claimed_at: taak.claimedAt,
      proefrun: taak.proefrun,
    })
    .onConflict('job_key')
    .merge({
      job_deadline: taak.jobDeadline,
      variables: JSON.stringify(taak.variables),
      updated_at: db.fn.now(),
    })
    // xmax = 0 only on a freshly inserted row: tells a new task from a re-activated job.
    .returning(['*', db.raw('(xmax = 0) as inserted')]);
  const row = rows[0];
  if (!row) throw new Error(`task for job ${taak.jobKey} was not stored`);
  return { taak: toTaak(row), created: row.inserted };
}

export async function findTaak(db: Knex, id: string, forUpdate = false): Promise<Taak | undefined> {
  const query = db<TaakRow>('taken').where({ id }).first();
  const row = await (forUpdate ? query.forUpdate() : query);
  return row ? toTaak(row) : undefined;
}

export interface TaakChanges {
  state?: TaakState;
  assignee?: string | null;
  claimedAt?: Date | null;
  draft?: Record<string, unknown> | null;
  result?: Record<string, unknown>;
  endedAt?: Date;
  endedBy?: string;
}

export async function updateTaak(db: Knex, id: string, changes: TaakChanges): Promise<Taak> {
  const columns: Record<string, unknown> = { updated_at: db.fn.now() };
  if (changes.state !== undefined) columns.state = changes.state;
  if (changes.assignee !== undefined) columns.assignee = changes.assignee;
  if (changes.claimedAt !== undefined) columns.claimed_at = changes.claimedAt;
  if (changes.draft !== undefined)
    columns.draft = changes.draft === null ? null : JSON.stringify(changes.draft);
  if (changes.result !== undefined) columns.result = JSON.stringify(changes.result);
  if (changes.endedAt !== undefined) columns.ended_at = changes.endedAt;
  if (changes.endedBy !== undefined) columns.ended_by = changes.endedBy;
  const [row] = (await db('taken').where({ id }).update(columns).returning('*')) as TaakRow[];
  if (!row) throw new Error(`task ${id} disappeared while being updated`);
  return toTaak(row);
}

/** Who may see a task when not all: assignee, candidate user, a candidate group, or open to everyone. */
export interface Visibility {
  username: string;
  groups: readonly string[];
}

/** Sort keys of the task list, each mapped to its SQL expression (never user text). */
const sortColumns = {
  naam: 'taken.name',
  zaaknummer: 'zaken.identificatie',
  zaaktype: 'zaken.zaaktype_identificatie',
  creatiedatum: 'taken.created_at',
  fataleDatum: 'coalesce(taken.due_date, zaken.uiterlijke_einddatum_afdoening::timestamptz)',
  zaakFataleDatum: 'zaken.uiterlijke_einddatum_afdoening',
  behandelaar: 'taken.assignee',
} as const;
export type TaakSortField = keyof typeof sortColumns;
export const taakSortFields = Object.keys(sortColumns) as TaakSortField[];

export async function listTaken(
  db: Knex,
  query: TakenQuery,
  visibility: { mineOnly: Visibility } | { groupOf: Visibility } | 'all',
  viewer: string,
): Promise<{ taken: TaakListItem[]; total: number }> {
  const base = db<TaakRow>('taken')
    .leftJoin('zaken', (join) => void join.on(db.raw('zaken.id::text = taken.zaak_id')))
    .whereIn('taken.state', query.states)
    // A proefrun's tasks are in no list but their starter's (who is their assignee).
    .where(
      (proefrun) => void proefrun.where('taken.proefrun', false).orWhere('taken.assignee', viewer),
    );
  if (query.zaakId) void base.where('taken.zaak_id', query.zaakId);
  if (query.candidateGroup)
    void base.whereRaw('? = any(taken.candidate_groups)', [query.candidateGroup]);
  if (query.assignee !== undefined) {
    if (query.assignee === null) void base.whereNull('taken.assignee');
    else void base.where('taken.assignee', query.assignee);
  }
  if (query.dueBefore) void base.where('taken.due_date', '<', query.dueBefore);
  if (query.text) {
    const needle = `%${query.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    void base.where((text) => {
      for (const column of [
        'taken.name',
        'zaken.identificatie',
        'zaken.omschrijving',
        'zaken.zaaktype_identificatie',
        'taken.assignee',
      ])
        void text.orWhereILike(column, needle);
      void text.orWhereRaw("array_to_string(taken.candidate_groups, ' ') ilike ?", [needle]);
    });
  }
  if (visibility !== 'all' && 'mineOnly' in visibility)
    void base.where('taken.assignee', visibility.mineOnly.username);
  if (visibility !== 'all' && 'groupOf' in visibility) {
    const { username, groups } = visibility.groupOf;
    void base.where((visible) => {
      void visible
        .where('taken.assignee', username)
        .orWhereRaw('? = any(taken.candidate_users)', [username])
        .orWhereRaw(
          "(taken.assignee is null and taken.candidate_users = '{}' and taken.candidate_groups = '{}')",
        );
      for (const group of groups)
        void visible.orWhereRaw('? = any(taken.candidate_groups)', [group]);
    });
  }
  const [count] = (await base.clone().count<{ count: string | number }[]>('* as count')) as {
    count: string | number;
  }[];
  const direction = query.sort?.startsWith('-') ? 'desc' : 'asc';
  const field = (query.sort?.replace(/^-/, '') ?? 'fataleDatum') as TaakSortField;
  const rows = (await base
    .clone()
    .select(
      'taken.*',
      'zaken.identificatie as zaak_identificatie',
      'zaken.omschrijving as zaak_omschrijving',
      'zaken.zaaktype_identificatie as zaak_zaaktype',
      db.raw('zaken.uiterlijke_einddatum_afdoening::text as zaak_uiterlijke_einddatum'),
    )
    .orderByRaw(`${sortColumns[field]} ${direction} nulls last`)
    .orderBy('taken.created_at', 'asc')
    .orderBy('taken.id', 'asc')
    .limit(query.limit)
    .offset(query.offset)) as TaakListRow[];
  return { taken: rows.map(toListItem), total: Number(count?.count ?? 0) };
}

interface TaakListRow extends TaakRow {
  zaak_identificatie: string | null;
  zaak_omschrijving: string | null;
  zaak_zaaktype: string | null;
  zaak_uiterlijke_einddatum: string | null;
}

function toListItem(row: TaakListRow): TaakListItem {
  return {
    ...toTaak(row),
    zaak:
      row.zaak_identificatie === null
        ? null
        : {
            identificatie: row.zaak_identificatie,
            omschrijving: row.zaak_omschrijving ?? '',
            zaaktype: row.zaak_zaaktype ?? '',
            uiterlijkeEinddatumAfdoening: row.zaak_uiterlijke_einddatum,
          },
  };
}

function toTaak(row: TaakRow): Taak {
  return {
    id: row.id,
    jobKey: String(row.job_key),
    name: row.name,
    elementId: row.element_id,
    bpmnProcessId: row.bpmn_process_id,
    processInstanceKey: String(row.process_instance_key),
    elementInstanceKey: String(row.element_instance_key),
    zaakId: row.zaak_id,
    state: row.state,
    assignee: row.assignee,
    candidateGroups: row.candidate_groups,
    candidateUsers: row.candidate_users,
    dueDate: toDate(row.due_date),
    followUpDate: toDate(row.follow_up_date),
    formKey: row.form_key,
    variables: row.variables,
    draft: row.draft,
    result: row.result,
    jobDeadline: toDate(row.job_deadline),
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    claimedAt: toDate(row.claimed_at),
    endedAt: toDate(row.ended_at),
    endedBy: row.ended_by,
    proefrun: row.proefrun,
  };
}

function toDate(value: Date | string | null): Date | null {
  return value === null ? null : new Date(value);
}

/** Open and claimed tasks after `afterId`, in id order: the reconciler's batches. */
export async function listOpenTaskJobs(
  db: Knex,
  afterId: string | undefined,
  limit: number,
): Promise<{ id: string; jobKey: string }[]> {
  const query = db<TaakRow>('taken')
    .select('id', 'job_key')
    .whereIn('state', ['open', 'claimed'])
    .orderBy('id')
    .limit(limit);
  if (afterId) void query.where('id', '>', afterId);
  const rows = await query;
  return rows.map((row) => ({ id: row.id, jobKey: row.job_key }));
}

/** The beheerder who started the proefrun `zaakId` is, or undefined for any other zaak. */
export async function proefrunStarterOf(
  db: Knex,
  zaakId: string | null,
): Promise<string | undefined> {
  // a uuid compared as such, so the lookup uses the primary key (it runs for every new task)
  if (!isZaakId(zaakId)) return undefined;
  const row = await db('zaken')
    .where({ id: zaakId, proefrun: true })
    .first<{ proefrun_gestart_door: string | null } | undefined>('proefrun_gestart_door');
  return row?.proefrun_gestart_door ?? undefined;
}

/** Removes the tasks of ended proefrun zaken, so test runs leave no rows behind. */
export async function deleteProefrunTaken(db: Knex, zaakIds: readonly string[]): Promise<number> {
  if (zaakIds.length === 0) return 0;
  // rows, not a count: knex-pglite answers a bare delete() with a result object
  const deleted = await db('taken')
    .where('proefrun', true)
    .whereIn('zaak_id', [...zaakIds])
    .delete()
    .returning('id');
  return deleted.length;
}

/**
 * The forms of the zaaktype version a task's zaak was registered with (the Beheer editor's forms,
 * which the task page shows); undefined for a task without a (registered) zaak.
 */
export async function zaaktypeFormsOfZaak(
  db: Knex,
  zaakId: string,
): Promise<Record<string, unknown> | undefined> {
  const row = await db('zaken')
    .join(
      'catalogus_zaaktypen as zaaktype',
      'zaaktype.identificatie',
      'zaken.zaaktype_identificatie',
    )
    .join('catalogus_zaaktype_versies as versie', (join) => {
      void join
        .on('versie.zaaktype_id', 'zaaktype.id')
        .andOn('versie.versie', 'zaken.zaaktype_versie');
    })
    .whereRaw('zaken.id::text = ?', [zaakId])
    .first<{ forms: Record<string, unknown> | null } | undefined>('versie.forms');
  return row?.forms ?? undefined;
}
