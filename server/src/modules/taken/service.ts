import type { Knex } from 'knex';
import { ConflictError, InputError, NotAllowedError, NotFoundError } from '../../http/errors.js';
import { recordAudit, systemActor } from '../audit/index.js';
import { listMedewerkers, type Medewerker } from '../auth/index.js';
import { mayAssign, mayClaim, mayListBeyondOwn, maySee, seesAll } from './access.js';
import { validateFormData } from './formValidation.js';
import { formSchemaOfTaak, type FormSchema } from './taskForm.js';
import {
  deleteProefrunTaken,
  findTaak,
  proefrunStarterOf,
  listTaken,
  updateTaak,
  upsertTaakForJob,
  type TaakChanges,
} from './takenRepository.js';
import type {
  ActivatedUserTaskJob,
  JobCompleter,
  Taak,
  TaakUser,
  TakenPage,
  TakenQuery,
} from './types.js';
import { asProefrunTaak, isProefrunJob, taakFromJob } from './userTaskJob.js';

export interface TakenServiceOptions {
  db: Knex;
  /** CompleteJob through the Zeebe client (the SDK's ZeebeGrpcClient). */
  engine: JobCompleter;
  /** The element's name for a task; without it the element id is shown. */
  elementName?: (job: ActivatedUserTaskJob) => Promise<string | undefined>;
  /** The job's state as the engine reports it (REST v2 job search), or undefined when unknown. */
  jobState?: (jobKey: string) => Promise<string | undefined>;
}

/** The task list's rules: who sees, claims, assigns and completes which task. */
export class TakenService {
  constructor(private readonly options: TakenServiceOptions) {}

  /**
   * Closes a task whose job the engine ended without us, so it leaves the task list: cancelled
   * (process cancelled, element interrupted), or completed (completed past the task list, or our
   * CompleteJob went through while its answer was lost, e.g. in an engine restart). A task
   * meanwhile completed or closed stays as it is.
   */
  async closeEndedInEngine(
    id: string,
    ended: 'cancelled' | 'completed' = 'cancelled',
  ): Promise<Taak | undefined> {
    return this.options.db.transaction(async (trx) => {
      const before = await findTaak(trx, id, true);
      if (!before || (before.state !== 'open' && before.state !== 'claimed')) return undefined;
      const after = await updateTaak(trx, id, { state: ended, endedAt: new Date() });
      await recordAudit(trx, {
        actor: systemActor,
        action: ended === 'completed' ? 'taak.afgerond' : 'taak.geannuleerd',
        resourceType: 'taak',
        resourceId: id,
        zaakId: before.zaakId,
        oldValue: summary(before),
        newValue: summary(after),
        remark:
          ended === 'completed'
            ? 'De taak is in het proces afgerond'
            : 'De taak bestaat niet meer in het proces (geannuleerd of onderbroken)',
      });
      return after;
    });
  }

  /** Stores an activated user-task job; the same job again (lock expiry, restart) keeps one task. */
  async storeActivatedJob(job: ActivatedUserTaskJob): Promise<{ taak: Taak; created: boolean }> {
    const name = await this.options.elementName?.(job);
    return this.options.db.transaction(async (trx) => {
      const taak = taakFromJob(job, name);
      const starter = await proefrunStarterOf(trx, taak.zaakId);
      const proefrun = starter !== undefined || isProefrunJob(job);
      const stored = await upsertTaakForJob(trx, proefrun ? asProefrunTaak(taak, starter) : taak);
      if (stored.created) {
        await recordAudit(trx, {
          actor: systemActor,
          action: 'taak.aangemaakt',
          resourceType: 'taak',
          resourceId: stored.taak.id,
          zaakId: stored.taak.zaakId,
          newValue: summary(stored.taak),
        });
      }
      return stored;
    });
  }

  async list(user: TaakUser, query: TakenQuery): Promise<TakenPage> {
    if (query.scope === 'all' && !seesAll(user)) {
      throw new NotAllowedError(
        'Only a coordinator or manager sees all tasks; use scope mine or group',
        { scope: 'all' },
      );
    }
    const visibility =
      query.scope === 'all'
        ? ('all' as const)
        : query.scope === 'mine' || !mayListBeyondOwn(user)
          ? { mineOnly: user }
          : { groupOf: user };
    const page = await listTaken(this.options.db, query, visibility, user.username);
    return { ...page, limit: query.limit, offset: query.offset };
  }

  /** One task with the form-js schema its page shows (null for a task without a form). */
  async get(user: TaakUser, id: string): Promise<Taak & { formSchema: FormSchema | null }> {
    const taak = await this.visibleTaak(user, id);
    return { ...taak, formSchema: (await formSchemaOfTaak(this.options.db, taak)) ?? null };
  }

  private async visibleTaak(user: TaakUser, id: string): Promise<Taak> {
    const taak = await findTaak(this.options.db, id);
    if (!taak || !maySee(user, taak))
      throw new NotFoundError(`Task ${id} does not exist or is not yours to see`, { id });
    return taak;
  }

  claim(user: TaakUser, id: string): Promise<Taak> {
    return this.change(user, id, 'taak.geclaimd', (taak) => {
      if (!mayClaim(user, taak))
        throw new NotAllowedError(`Task ${id} is not meant for you`, { id });
      if (taak.state === 'claimed' && taak.assignee === user.username) return undefined;
      requireState(taak, 'open', 'claim');
      return { state: 'claimed', assignee: user.username, claimedAt: new Date() };
    });
  }

  unclaim(user: TaakUser, id: string): Promise<Taak> {
    return this.change(user, id, 'taak.vrijgegeven', (taak) => {
      if (taak.state === 'open') return undefined;
      requireState(taak, 'claimed', 'unclaim');
      if (taak.proefrun) {
        throw new ConflictError(`Task ${id} belongs to a proefrun and stays with its starter`, {
          id,
        });
      }
      if (taak.assignee !== user.username && !mayAssign(user)) {
        throw new NotAllowedError(
          `Task ${id} is claimed by ${taak.assignee}; only they or a coordinator can release it`,
          { id },
        );
      }
      return { state: 'open', assignee: null, claimedAt: null };
    });
  }

  async assign(user: TaakUser, id: string, assignee: string): Promise<Taak> {
    if (!mayAssign(user)) throw new NotAllowedError('Only a coordinator assigns tasks', { id });
    await this.requireMedewerker(assignee);
    return this.change(user, id, 'taak.toegewezen', (taak) => {
      if (taak.state !== 'open') requireState(taak, 'claimed', 'assign');
      if (taak.assignee === assignee) return undefined;
      return { state: 'claimed', assignee, claimedAt: new Date() };
    });
  }

  /** Removes the tasks of proefrun zaken that were ended (their process is cancelled first). */
  removeProefrunTaken(zaakIds: readonly string[]): Promise<number> {
    return deleteProefrunTaken(this.options.db, zaakIds);
  }

  /** The behandelaars a coordinator can give work to. */
  async medewerkers(user: TaakUser): Promise<Medewerker[]> {
    if (!mayAssign(user)) throw new NotAllowedError('Only a coordinator distributes tasks', {});
    return listMedewerkers(this.options.db);
  }

  /**
   * Verdelen (to one behandelaar) or vrijgeven (assignee null: back to the groups) of several
   * tasks at once, e.g. during holidays. All or nothing; the reason goes into each audit entry.
   */
  async verdeel(
    user: TaakUser,
    request: { taakIds: string[]; assignee: string | null; reden: string },
  ): Promise<Taak[]> {
    if (!mayAssign(user)) throw new NotAllowedError('Only a coordinator distributes tasks', {});
    const { assignee, reden } = request;
    if (assignee !== null) await this.requireMedewerker(assignee);
    const ids = [...new Set(request.taakIds)];
    return this.options.db.transaction(async (trx) => {
      const found = await Promise.all(ids.map((id) => findTaak(trx, id, true)));
      const refused = ids.flatMap((id, index) => {
        const taak = found[index];
        if (!taak || taak.proefrun) return [{ id, reason: 'does not exist' }];
        if (taak.state !== 'open' && taak.state !== 'claimed')
          return [{ id, reason: `is ${taak.state}` }];
        return [];
      });
      if (refused.length > 0) {
        throw new ConflictError(
          `Nothing was changed: ${refused.length} of the tasks cannot be distributed (${refused
            .map((r) => `${r.id} ${r.reason}`)
            .join('; ')})`,
          { field: 'taakIds', refused },
        );
      }
      const result: Taak[] = [];
      for (const before of found as Taak[]) {
        if (before.assignee === assignee) {
          result.push(before);
          continue;
        }
        const changes: TaakChanges =
          assignee === null
            ? { state: 'open', assignee: null, claimedAt: null }
            : { state: 'claimed', assignee, claimedAt: new Date() };
        const action = assignee === null ? 'taak.vrijgegeven' : 'taak.toegewezen';
        result.push(await this.apply(trx, user, before, action, changes, reden));
      }
      return result;
    });
  }

  private async requireMedewerker(username: string): Promise<void> {
    const [found] = await listMedewerkers(this.options.db, username);
    if (!found) {
      throw new InputError(
        `assignee: ${username} is not an active behandelaar; choose one from /api/taken/medewerkers`,
        { field: 'assignee' },
      );
    }
  }

  saveDraft(user: TaakUser, id: string, draft: Record<string, unknown>): Promise<Taak> {
    return this.change(user, id, 'taak.concept_opgeslagen', (taak) => {
      requireAssignee(user, taak, 'save a draft of');
      return { draft };
    });
  }

  /**
   * Completes the job in the engine with the submitted data, then marks the task completed.
   * Data the task's form refuses (required, length, pattern, options…) answers 400 with the
   * problems by field, and nothing changes. A job the engine no longer knows (process cancelled,
   * element interrupted) marks the task cancelled and answers 409, so the behandelaar learns why
   * the form went away.
   */
  async complete(user: TaakUser, id: string, data: unknown): Promise<Taak> {
    if (!isJsonObject(data)) {
      throw new InputError('The form data must be a JSON object of variables', {
        field: 'variables',
      });
    }
    const taak = await this.visibleTaak(user, id);
    if (taak.state === 'completed' && taak.endedBy === user.username) return taak;
    requireAssignee(user, taak, 'complete');
    await this.requireValidFormData(taak, data);
    try {
      await this.options.engine.completeJob({ jobKey: taak.jobKey, variables: data });
    } catch (error) {
      if (!isNotFound(error)) throw error;
      // An earlier attempt of this user's completed the job, but its answer was lost (engine restart).
      if ((await this.options.jobState?.(taak.jobKey)) !== 'COMPLETED') {
        await this.change(user, id, 'taak.geannuleerd', () => ({
          state: 'cancelled',
          endedAt: new Date(),
          endedBy: user.username,
        }));
        throw new ConflictError(
          `Task ${id} no longer exists in the process (it was cancelled or interrupted); it has been closed`,
          {
            id,
            jobKey: taak.jobKey,
          },
        );
      }
    }
    return this.change(user, id, 'taak.afgerond', () => ({
      state: 'completed',
      result: data,
      draft: null,
      endedAt: new Date(),
      endedBy: user.username,
    }));
  }

  private async requireValidFormData(taak: Taak, data: Record<string, unknown>): Promise<void> {
    const schema = await formSchemaOfTaak(this.options.db, taak);
    if (!schema) return;
    const problems = validateFormData(schema, data, { ...taak.variables, ...(taak.draft ?? {}) });
    if (problems.length === 0) return;
    throw new InputError(
      `Task ${taak.id} was not completed: the form data has ${problems.length} problem(s): ${problems
        .map((problem) => `${problem.path}: ${problem.message}`)
        .join(' ')}`,
      { problems },
    );
  }

  /** One change in one transaction with its audit entry; `decide` returns undefined for "already so". */
  private async change(
    user: TaakUser,
    id: string,
    action: string,
    decide: (taak: Taak) => TaakChanges | undefined,
  ): Promise<Taak> {
    return this.options.db.transaction(async (trx) => {
      const before = await findTaak(trx, id, true);
      if (!before || !maySee(user, before))
        throw new NotFoundError(`Task ${id} does not exist or is not yours to see`, { id });
      const changes = decide(before);
      if (!changes) return before;
      return this.apply(trx, user, before, action, changes);
    });
  }

  /** Updates the task and records the change in the audit trail, inside the caller's transaction. */
  private async apply(
    trx: Knex.Transaction,
    user: TaakUser,
    before: Taak,
    action: string,
    changes: TaakChanges,
    remark?: string,
  ): Promise<Taak> {
    const after = await updateTaak(trx, before.id, changes);
    await recordAudit(trx, {
      actor: user.actor,
      action,
      resourceType: 'taak',
      resourceId: before.id,
      zaakId: after.zaakId,
      oldValue: summary(before),
      newValue: summary(after),
      requestId: user.requestId ?? null,
      remark: remark ?? null,
    });
    return after;
  }
}

function requireState(taak: Taak, state: Taak['state'], verb: string): void {
  if (taak.state !== state) {
    const by = taak.state === 'claimed' ? ` by ${taak.assignee}` : '';
    throw new ConflictError(`Cannot ${verb} task ${taak.id}: it is ${taak.state}${by}`, {
      id: taak.id,
      state: taak.state,
    });
  }
}

function requireAssignee(user: TaakUser, taak: Taak, verb: string): void {
  requireState(taak, 'claimed', verb);
  if (taak.assignee !== user.username) {
    throw new NotAllowedError(
      `Task ${taak.id} is claimed by ${taak.assignee}; claim it before you ${verb} it`,
      { id: taak.id },
    );
  }
}

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** gRPC NOT_FOUND (code 5), as the SDK reports it. */
function isNotFound(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (
    code === 5 ||
    code === 'NOT_FOUND' ||
    (typeof message === 'string' && /\bNOT_FOUND\b/.test(message))
  );
}

/** What the audit trail keeps of a task: state and assignment, not the whole variables snapshot. */
function summary(taak: Taak) {
  return {
    state: taak.state,
    assignee: taak.assignee,
    name: taak.name,
    jobKey: taak.jobKey,
    hasDraft: taak.draft !== null,
  };
}
