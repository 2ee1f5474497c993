import { EngineRejection, type CreateInstanceCommand, type CreatedInstance } from '../../api.js';
import { setVariablesLocal } from '../../behaviors/variableBehavior.js';
import type { ProcessDefinition } from '../../state/definitionStore.js';
import { ProcessInstanceState } from '../../state/processInstanceState.js';
import type { CommandContext } from '../commandContext.js';
import type { CommandRunner } from '../commandRunner.js';
import { InstanceExecution } from '../instanceExecution.js';
import { activateElement } from '../lifecycle.js';

export const DEFAULT_TENANT = '<default>';

/** Creates a process instance and runs it until every token waits. */
export async function createInstance(
  runner: CommandRunner,
  ctx: CommandContext,
  command: CreateInstanceCommand,
  parent?: { processInstanceKey: string; elementInstanceKey: string },
): Promise<CreatedInstance> {
  const definition = await resolveDefinition(runner, ctx, command);
  const startAt = command.startInstructions?.map((instruction) => instruction.elementId);
  checkStart(definition, startAt);
  const processInstanceKey = await ctx.nextKey();
  const state = new ProcessInstanceState({
    processInstanceKey,
    processDefinitionKey: definition.key,
    bpmnProcessId: definition.bpmnProcessId,
    version: definition.version,
    tenantId: definition.tenantId,
    parentProcessInstanceKey: parent?.processInstanceKey,
    parentElementInstanceKey: parent?.elementInstanceKey,
  });
  const execution = new InstanceExecution(ctx, state, definition);
  const root = await activateElement(execution, definition.process.process.id, undefined, {
    key: processInstanceKey,
    ...(startAt?.length ? { runtime: { startAt } } : {}),
  });
  // The start event is queued, so the variables are in place before anything evaluates them.
  await setVariablesLocal(execution, root.key, command.variables ?? {});
  await runner.finish(execution);
  return {
    processDefinitionKey: definition.key,
    bpmnProcessId: definition.bpmnProcessId,
    version: definition.version,
    processInstanceKey,
    tenantId: definition.tenantId,
  };
}

async function resolveDefinition(
  runner: CommandRunner,
  ctx: CommandContext,
  command: CreateInstanceCommand,
): Promise<ProcessDefinition> {
  const definitions = runner.services.definitions;
  const tenantId = command.tenantId || DEFAULT_TENANT;
  if (command.processDefinitionKey && command.processDefinitionKey !== '0' && command.processDefinitionKey !== '-1') {
    return definitions.byDefinitionKey(ctx.trx, command.processDefinitionKey);
  }
  const id = command.bpmnProcessId;
  if (!id) {
    throw new EngineRejection('INVALID_ARGUMENT', 'Expected either a bpmnProcessId or a processDefinitionKey, but none given');
  }
  const latest = command.version === undefined || command.version < 0;
  const found = latest
    ? await definitions.latestChecked(ctx.trx, ctx.writes, id, tenantId)
    : await definitions.byVersion(ctx.trx, id, command.version!, tenantId);
  if (!found) {
    const which = latest ? '' : ` and version '${command.version}'`;
    throw new EngineRejection('NOT_FOUND', `Expected to find process definition with process ID '${id}'${which}, but none found`);
  }
  return found;
}

function checkStart(definition: ProcessDefinition, startAt: string[] | undefined): void {
  const process = definition.process;
  if (startAt?.length) {
    for (const elementId of startAt) {
      const element = process.elements.get(elementId);
      if (!element || element.flowScopeId !== process.process.id) {
        throw new EngineRejection(
          'INVALID_ARGUMENT',
          `Expected to create instance of process with start instructions but the element with id '${elementId}' is not a direct child of process '${process.bpmnProcessId}'`,
        );
      }
    }
    return;
  }
  if (!process.process.noneStartEventId) {
    throw new EngineRejection(
      'INVALID_ARGUMENT',
      `Expected to create instance of process with none start event, but there is no such event in process '${process.bpmnProcessId}'`,
    );
  }
}
