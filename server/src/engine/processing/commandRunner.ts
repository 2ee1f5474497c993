import type { Knex } from 'knex';
import { EngineRejection } from '../api.js';
import { ProcessInstanceState, type InstanceTarget } from '../state/processInstanceState.js';
import { STALE_LATEST_DEFINITION } from '../state/definitionStore.js';
import { failedCheck } from '../state/writeBatch.js';
import { CommandContext, type EngineServices } from './commandContext.js';
import { InstanceExecution } from './instanceExecution.js';

export type AfterCommit = (ctx: CommandContext) => void;

/** A command waiting for its turn, with the caller's promise. */
interface QueuedCommand {
  body: (ctx: CommandContext) => Promise<unknown>;
  resolve: (result: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * At most this many command transactions at once; more commands wait and then share one. Two
 * measured best on the engine bench (PostgreSQL, 2 cores): 1 → 177 PI/s, 2 → 217, 8 → 104;
 * more transactions mean smaller groups and more round trips, and they wait on each other.
 */
const CONCURRENT_TRANSACTIONS = 2;
/** At most this many commands share one transaction. */
const MAX_GROUP = 32;

/**
 * Runs commands. Commands on a process instance lock its row first (`FOR UPDATE`), so different
 * instances proceed in parallel and one instance is changed by one command at a time, also
 * across server processes.
 *
 * Group commit: while CONCURRENT_TRANSACTIONS transactions are busy, new commands queue, and
 * the queued ones then run one after another in a single transaction (each saves its writes
 * before the next begins, so it is as if they ran alone in that order). A round trip to
 * PostgreSQL is the engine's main cost; this saves two per command under load. If any command
 * of a group fails, the group is rolled back and each of its commands runs alone, so a
 * rejection or error only ever affects its own command.
 */
export class CommandRunner {
  private readonly queue: QueuedCommand[] = [];
  private busy = 0;

  constructor(
    private readonly db: Knex,
    readonly services: EngineServices,
    private readonly afterCommit: AfterCommit,
  ) {}

  /** Runs `body` as one command: committed when the promise resolves, rolled back when it rejects. */
  transaction<T>(body: (ctx: CommandContext) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ body, resolve: resolve as (result: unknown) => void, reject });
      this.startGroups();
    });
  }

  private startGroups(): void {
    while (this.busy < CONCURRENT_TRANSACTIONS && this.queue.length > 0) {
      const group = this.queue.splice(0, MAX_GROUP);
      this.busy++;
      void this.runGroup(group).finally(() => {
        this.busy--;
        this.startGroups();
      });
    }
  }

  private async runGroup(group: QueuedCommand[]): Promise<void> {
    if (group.length === 1) return this.runAlone(group[0]!);
    let done: { result: unknown; ctx: CommandContext }[];
    let committing = false;
    try {
      done = await this.db.transaction(async (trx) => {
        const results: { result: unknown; ctx: CommandContext }[] = [];
        for (const command of group) results.push(await this.run(trx, command.body));
        committing = true;
        return results;
      });
    } catch (error) {
      // The COMMIT itself failed: whether it took effect is unknown, so running the commands
      // again could do them twice; their callers get the error, as a single command's would.
      if (committing) {
        for (const command of group) command.reject(error);
        return;
      }
      // A command failed: nothing of the group was committed, so each runs alone, failing only itself.
      for (const command of group) await this.runAlone(command);
      return;
    }
    done.forEach(({ result, ctx }, i) => {
      this.afterCommit(ctx);
      group[i]!.resolve(result);
    });
  }

  private async runAlone(command: QueuedCommand): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      let outcome: { result: unknown; ctx: CommandContext };
      try {
        outcome = await this.db.transaction((trx) => this.run(trx, command.body));
      } catch (error) {
        // A child instance locks its parent after itself; PostgreSQL resolves the rare deadlock
        // with a parent command by aborting one of them, which is then simply run again.
        // An instance started from the remembered latest definition after a newer one was
        // deployed (by another engine process): forget it and start from the new one.
        const stale = failedCheck(error, STALE_LATEST_DEFINITION);
        if (stale) this.services.definitions.forgetLatest();
        const code = (error as { code?: string }).code;
        if ((code !== '40P01' && code !== '40001' && !stale) || attempt >= 5) {
          command.reject(error);
          return;
        }
        continue;
      }
      this.afterCommit(outcome.ctx);
      command.resolve(outcome.result);
      return;
    }
  }

  /** One command in `trx`, its writes saved before it returns. */
  private async run(
    trx: Knex.Transaction,
    body: (ctx: CommandContext) => Promise<unknown>,
  ): Promise<{ result: unknown; ctx: CommandContext }> {
    const ctx = new CommandContext(trx, this.services, this);
    const result = await body(ctx);
    ctx.records.flush(trx, ctx.writes);
    await ctx.writes.run(trx);
    return { result, ctx };
  }

  /** Locks and loads a process instance, lets `body` change it, drives it forward and saves it. */
  async onInstance<T>(
    target: InstanceTarget,
    notFound: string,
    body: (execution: InstanceExecution) => Promise<T>,
  ): Promise<T> {
    return this.transaction(async (ctx) => {
      const execution = await this.lockAndLoad(ctx, target, notFound);
      const result = await body(execution);
      await this.finish(execution);
      return result;
    });
  }

  async lockAndLoad(
    ctx: CommandContext,
    target: InstanceTarget,
    notFound: string,
  ): Promise<InstanceExecution> {
    const execution = await this.tryLockAndLoad(ctx, target);
    if (!execution) throw new EngineRejection('NOT_FOUND', notFound);
    return execution;
  }

  /** As lockAndLoad, but undefined for an instance that has ended. */
  async tryLockAndLoad(
    ctx: CommandContext,
    target: InstanceTarget,
  ): Promise<InstanceExecution | undefined> {
    await ctx.writes.run(ctx.trx); // what this command saved so far must be read back as saved
    const state = await ProcessInstanceState.lockAndLoad(ctx.trx, target);
    if (!state) return undefined;
    const definition = await this.services.definitions.byDefinitionKey(
      ctx.trx,
      state.identity.processDefinitionKey,
    );
    return new InstanceExecution(ctx, state, definition);
  }

  /** Drives the instance until it waits, saves it, and lets a finished child continue its parent. */
  async finish(execution: InstanceExecution): Promise<void> {
    const { ctx, state } = execution;
    await execution.drain();
    state.flush(ctx.trx, ctx.writes);
    ctx.openExecutions.delete(state.identity.processInstanceKey);
    const root = state.get(state.identity.processInstanceKey);
    const { parentProcessInstanceKey, parentElementInstanceKey } = state.identity;
    if (root?.state === 'COMPLETED' && parentProcessInstanceKey && parentElementInstanceKey) {
      await this.services.onChildCompleted(
        ctx,
        parentProcessInstanceKey,
        parentElementInstanceKey,
        execution,
      );
    }
  }
}
