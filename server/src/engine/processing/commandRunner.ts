import type { Knex } from 'knex';
import { EngineRejection } from '../api.js';
import { ProcessInstanceState, type InstanceTarget } from '../state/processInstanceState.js';
import { STALE_LATEST_DEFINITION } from '../state/definitionStore.js';
import { failedCheck } from '../state/writeBatch.js';
import { CommandContext, type EngineServices } from './commandContext.js';
import { InstanceExecution } from './instanceExecution.js';

export type AfterCommit = (ctx: CommandContext) => void;

/**
 * Runs commands: one command = one transaction. Commands on a process instance lock its row
 * first (`FOR UPDATE`), so different instances proceed in parallel and one instance is changed
 * by one command at a time, also across server processes.
 */
export class CommandRunner {
  constructor(
    private readonly db: Knex,
    readonly services: EngineServices,
    private readonly afterCommit: AfterCommit,
  ) {}

  async transaction<T>(body: (ctx: CommandContext) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        const { result, ctx } = await this.db.transaction(async (trx) => {
          const ctx = new CommandContext(trx, this.services, this);
          const result = await body(ctx);
          ctx.records.flush(trx, ctx.writes);
          await ctx.writes.run(trx);
          return { result, ctx };
        });
        this.afterCommit(ctx);
        return result;
      } catch (error) {
        // A child instance locks its parent after itself; PostgreSQL resolves the rare deadlock
        // with a parent command by aborting one of them, which is then simply run again.
        // An instance started from the remembered latest definition after a newer one was
        // deployed (by another engine process): forget it and start from the new one.
        const stale = failedCheck(error, STALE_LATEST_DEFINITION);
        if (stale) this.services.definitions.forgetLatest();
        const code = (error as { code?: string }).code;
        if ((code !== '40P01' && code !== '40001' && !stale) || attempt >= 5) throw error;
      }
    }
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
