import { createHash } from 'node:crypto';
import {
  EngineRejection,
  type DeployedDecision,
  type DeployedDecisionRequirements,
  type DeployedForm,
  type DeployResource,
  type DeploymentResult,
  type DeployedProcess,
} from '../../api.js';
import { readBpmn } from '../../model/index.js';
import type { ExecutableProcess } from '../../model/types.js';
import type { CommandContext } from '../commandContext.js';
import { unsupportedReason } from '../processors.js';
import { decisionIdConflicts, deployDrg, parseDmn, type ParsedDmn } from './deployDecisions.js';
import { deployForm, parseForm, type ParsedForm } from './deployForms.js';
import { nextVersion } from './resourceVersions.js';
import { replaceStartEvents } from './startEvents.js';

const DEPLOYMENT_LOCK = 4_242_001;

interface ParsedResource {
  resource: DeployResource;
  checksum: string;
  processes: ExecutableProcess[];
}

interface ParsedResources {
  bpmn: ParsedResource[];
  dmn: ParsedDmn[];
  forms: ParsedForm[];
}

/**
 * Deploys BPMN, DMN and form resources atomically. A process whose resource is unchanged keeps its version;
 * otherwise it gets the next version of its bpmnProcessId. All problems of all resources are
 * reported together, each with the element at fault.
 */
export async function deploy(ctx: CommandContext, resources: DeployResource[], tenantId: string): Promise<DeploymentResult> {
  if (resources.length === 0) {
    throw new EngineRejection('INVALID_ARGUMENT', 'Expected to deploy at least one resource, but none given');
  }
  const parsed = await parseAll(resources);
  // Deployments are serialised so that two concurrent ones cannot claim the same version.
  await ctx.trx.raw('select pg_advisory_xact_lock(?)', [DEPLOYMENT_LOCK]);
  const deploymentKey = await ctx.nextKey();
  await ctx.trx('engine_deployments').insert({ key: deploymentKey, tenant_id: tenantId, created_at: new Date(ctx.now) });
  const conflicts = (await Promise.all(parsed.dmn.map((dmn) => decisionIdConflicts(ctx, dmn, tenantId)))).flat();
  if (conflicts.length > 0) throw deployFailure(conflicts);
  // Decisions and forms first: a process deployed together with them may refer to them.
  const decisionRequirements: DeployedDecisionRequirements[] = [];
  const decisions: DeployedDecision[] = [];
  for (const dmn of parsed.dmn) {
    const result = await deployDrg(ctx, dmn, deploymentKey, tenantId);
    decisionRequirements.push(result.requirements);
    decisions.push(...result.decisions);
  }
  const forms: DeployedForm[] = [];
  for (const form of parsed.forms) forms.push(await deployForm(ctx, form, deploymentKey, tenantId));
  const deployed: DeployedProcess[] = [];
  for (const { resource, checksum, processes } of parsed.bpmn) {
    for (const process of processes) {
      deployed.push(await deployProcess(ctx, { resource, checksum, process, deploymentKey, tenantId }));
    }
  }
  ctx.records.append({
    key: deploymentKey,
    recordType: 'EVENT',
    valueType: 'DEPLOYMENT',
    intent: 'CREATED',
    timestamp: ctx.now,
    value: {
      resources: resources.map((r) => r.name),
      processesMetadata: deployed,
      decisionRequirementsMetadata: decisionRequirements,
      decisionsMetadata: decisions,
      formMetadata: forms,
      tenantId,
    },
  });
  return { key: deploymentKey, tenantId, processes: deployed, decisions, decisionRequirements, forms };
}

const checksumOf = (content: Buffer): string => createHash('sha256').update(content).digest('hex');

async function parseAll(resources: DeployResource[]): Promise<ParsedResources> {
  const errors: string[] = [];
  const parsed: ParsedResource[] = [];
  const dmn: ParsedDmn[] = [];
  const forms: ParsedForm[] = [];
  const seenIds = new Map<string, string>();
  for (const resource of resources) {
    if (/\.dmn$/i.test(resource.name)) {
      const result = await parseDmn(resource);
      if (!result.ok) errors.push(`'${resource.name}': ${result.lines.join('\n')}`);
      else {
        for (const id of [`drg:${result.drg.id}`, ...[...result.drg.decisions.keys()].map((key) => `decision:${key}`)]) {
          const other = seenIds.get(id);
          if (other) errors.push(`'${resource.name}': - ERROR: Duplicated ${id.replace(':', " id '")}' (also in '${other}')`);
          seenIds.set(id, resource.name);
        }
        dmn.push({ resource, checksum: checksumOf(resource.content), drg: result.drg });
      }
      continue;
    }
    if (/\.form$/i.test(resource.name)) {
      const result = parseForm(resource);
      if (!result.ok) errors.push(`'${resource.name}': ${result.message}`);
      else {
        const other = seenIds.get(`form:${result.formId}`);
        if (other) errors.push(`'${resource.name}': - ERROR: Duplicated form id '${result.formId}' (also in '${other}')`);
        seenIds.set(`form:${result.formId}`, resource.name);
        forms.push({ resource, checksum: checksumOf(resource.content), formId: result.formId, schema: result.schema });
      }
      continue;
    }
    if (!/\.(bpmn|xml)$/i.test(resource.name)) {
      errors.push(`'${resource.name}': resource type not supported; expected a .bpmn, .xml, .dmn or .form file`);
      continue;
    }
    const result = await readBpmn(resource.content);
    const problems = result.ok ? [] : result.problems.filter((p) => p.severity === 'error');
    if (result.ok) {
      for (const process of result.processes) {
        for (const element of process.elements.values()) {
          const reason = unsupportedReason(element);
          if (reason) problems.push({ elementId: element.id, message: reason, severity: 'error' });
        }
        const other = seenIds.get(`process:${process.bpmnProcessId}`);
        if (other) problems.push({ message: `Duplicated process id '${process.bpmnProcessId}' (also in '${other}')`, severity: 'error' });
        seenIds.set(`process:${process.bpmnProcessId}`, resource.name);
      }
    }
    if (problems.length > 0) {
      const lines = problems.map((p) => (p.elementId ? `- Element: ${p.elementId}\n    - ERROR: ${p.message}` : `- ERROR: ${p.message}`));
      errors.push(`'${resource.name}': ${lines.join('\n')}`);
    } else if (result.ok) {
      parsed.push({ resource, checksum: checksumOf(resource.content), processes: result.processes });
    }
  }
  if (errors.length > 0) throw deployFailure(errors);
  return { bpmn: parsed, dmn, forms };
}

function deployFailure(errors: string[]): EngineRejection {
  return new EngineRejection('INVALID_ARGUMENT', `Expected to deploy new resources, but encountered the following errors:\n${errors.join('\n')}`);
}

async function deployProcess(
  ctx: CommandContext,
  input: { resource: DeployResource; checksum: string; process: ExecutableProcess; deploymentKey: string; tenantId: string },
): Promise<DeployedProcess> {
  const { resource, checksum, process, deploymentKey, tenantId } = input;
  const definitions = ctx.services.definitions;
  const latest = await definitions.latest(ctx.trx, process.bpmnProcessId, tenantId);
  if (latest && latest.checksum === checksum && latest.resourceName === resource.name) {
    return { bpmnProcessId: latest.bpmnProcessId, version: latest.version, processDefinitionKey: latest.key, resourceName: resource.name, tenantId };
  }
  const key = await ctx.nextKey();
  const version = await nextVersion(ctx.trx, 'PROCESS', process.bpmnProcessId, tenantId, latest?.version);
  await ctx.trx('engine_process_definitions').insert({
    key,
    bpmn_process_id: process.bpmnProcessId,
    version,
    name: process.name ?? null,
    resource_name: resource.name,
    checksum,
    xml: resource.content.toString('utf8'),
    deployment_key: deploymentKey,
    tenant_id: tenantId,
    created_at: new Date(ctx.now),
  });
  definitions.remember({ key, bpmnProcessId: process.bpmnProcessId, version, tenantId, resourceName: resource.name, checksum, process });
  await replaceStartEvents(ctx, process, key, tenantId);
  ctx.records.append({
    key,
    recordType: 'EVENT',
    valueType: 'PROCESS',
    intent: 'CREATED',
    bpmnProcessId: process.bpmnProcessId,
    timestamp: ctx.now,
    value: { bpmnProcessId: process.bpmnProcessId, version, processDefinitionKey: key, resourceName: resource.name, checksum, tenantId },
  });
  return { bpmnProcessId: process.bpmnProcessId, version, processDefinitionKey: key, resourceName: resource.name, tenantId };
}
