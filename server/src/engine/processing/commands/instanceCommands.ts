import { EngineRejection, type VariableDocument } from '../../api.js';
import { closeIncident, raiseIncident } from '../../behaviors/incidentBehavior.js';
import { setVariablesLocal, setVariablesPropagating } from '../../behaviors/variableBehavior.js';
import type { CommandRunner } from '../commandRunner.js';
import { runActivation, runCompletion, terminateElement } from '../lifecycle.js';

export function cancelInstance(runner: CommandRunner, processInstanceKey: string): Promise<void> {
  const notFound = `Expected to cancel a process instance with key '${processInstanceKey}', but no such process was found`;
  return runner.onInstance({ processInstanceKey }, notFound, async (execution) => {
    const parent = execution.state.identity.parentProcessInstanceKey;
    if (parent) {
      throw new EngineRejection(
        'FAILED_PRECONDITION',
        `Expected to cancel a process instance with key '${processInstanceKey}', but it is created by a parent process instance. Cancel the root process instance '${parent}' instead.`,
      );
    }
    await terminateElement(execution, execution.state.require(processInstanceKey));
  });
}

export async function setVariables(
  runner: CommandRunner,
  elementInstanceKey: string,
  variables: VariableDocument,
  local: boolean,
): Promise<string> {
  const notFound = `Expected to update variables for element with key '${elementInstanceKey}', but no such element was found`;
  return runner.onInstance({ elementInstanceKey }, notFound, async (execution) => {
    const scope = execution.state.get(elementInstanceKey);
    if (!scope) throw new EngineRejection('NOT_FOUND', notFound);
    if (local) await setVariablesLocal(execution, scope.key, variables);
    else await setVariablesPropagating(execution, scope.key, variables);
    const key = await execution.ctx.nextKey();
    execution.ctx.records.append({
      key,
      recordType: 'EVENT',
      valueType: 'VARIABLE_DOCUMENT',
      intent: 'UPDATED',
      processInstanceKey: execution.state.identity.processInstanceKey,
      timestamp: execution.ctx.now,
      value: { scopeKey: elementInstanceKey, updateSemantics: local ? 'LOCAL' : 'PROPAGATE', variables },
    });
    return key;
  });
}

interface IncidentRow {
  key: string;
  state: string;
  process_instance_key: string;
  element_instance_key: string;
  job_key: string | null;
  error_type: string;
  error_message: string;
}

/**
 * Resolves an incident. A job incident makes the job activatable again (or, with no retries
 * left, raises a new incident, as Zeebe does); an element incident re-runs the failed step.
 */
export async function resolveIncident(runner: CommandRunner, incidentKey: string): Promise<void> {
  const notFound = `Expected to resolve incident with key '${incidentKey}', but no such incident was found`;
  await runner.onInstance({ incidentKey }, notFound, async (execution) => {
    const { ctx, state } = execution;
    const incident = (await ctx.trx('engine_incidents').where({ key: incidentKey }).first()) as IncidentRow;
    if (incident.state !== 'ACTIVE') throw new EngineRejection('NOT_FOUND', notFound);
    const instance = state.require(String(incident.element_instance_key));
    await closeIncident(execution, instance);
    if (incident.job_key) {
      const jobKey = String(incident.job_key);
      const job = (await ctx.trx('engine_jobs').where({ key: jobKey }).forUpdate().first()) as { retries: number; type: string };
      if (job.retries <= 0) {
        await raiseIncident(execution, instance, { errorType: incident.error_type, message: incident.error_message, jobKey });
        return;
      }
      await ctx.trx('engine_jobs').where({ key: jobKey }).update({ state: 'ACTIVATABLE', retry_backoff_until: null, worker: null, deadline: null });
      ctx.jobTypesToWake.add(job.type);
      return;
    }
    const retryStep = instance.runtime.retryStep;
    delete instance.runtime.retryStep;
    state.touch(instance);
    if (retryStep === 'activate') await runActivation(execution, instance);
    if (retryStep === 'complete') await runCompletion(execution, instance);
  });
}
