import type { DeployedForm, DeployResource } from '../../api.js';
import type { CommandContext } from '../commandContext.js';
import { nextVersion } from './resourceVersions.js';

export interface ParsedForm {
  resource: DeployResource;
  checksum: string;
  formId: string;
  schema: string;
}

/** A Camunda form is JSON with a non-empty string `id`; that id is the form's identity across versions. */
export function parseForm(resource: DeployResource): { ok: true; formId: string; schema: string } | { ok: false; message: string } {
  const schema = resource.content.toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(schema);
  } catch (error) {
    return { ok: false, message: `- ERROR: the form is not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const id = typeof json === 'object' && json !== null ? (json as { id?: unknown }).id : undefined;
  if (typeof id !== 'string' || id.trim() === '') {
    return { ok: false, message: "- ERROR: Expected the form to have an 'id' (a non-empty string), but none found" };
  }
  return { ok: true, formId: id, schema };
}

/** Stores a new form version, unless the same resource is already the latest. */
export async function deployForm(ctx: CommandContext, parsed: ParsedForm, deploymentKey: string, tenantId: string): Promise<DeployedForm> {
  const { resource, checksum, formId, schema } = parsed;
  const latest = (await ctx.trx('engine_forms')
    .where({ form_id: formId, tenant_id: tenantId })
    .orderBy('version', 'desc')
    .first()) as { key: string; version: number; checksum: string; resource_name: string } | undefined;
  if (latest && latest.checksum === checksum && latest.resource_name === resource.name) {
    return { formId, version: latest.version, formKey: String(latest.key), resourceName: resource.name, tenantId };
  }
  const key = await ctx.nextKey();
  const version = await nextVersion(ctx.trx, 'FORM', formId, tenantId, latest?.version);
  await ctx.trx('engine_forms').insert({
    key,
    form_id: formId,
    version,
    resource_name: resource.name,
    checksum,
    schema,
    deployment_key: deploymentKey,
    tenant_id: tenantId,
    created_at: new Date(ctx.now),
  });
  const metadata: DeployedForm = { formId, version, formKey: key, resourceName: resource.name, tenantId };
  ctx.records.append({ key, recordType: 'EVENT', valueType: 'FORM', intent: 'CREATED', timestamp: ctx.now, value: { ...metadata } });
  return metadata;
}

/** The latest version of a form, as a linked user task resolves it. */
export async function latestFormKey(ctx: CommandContext, formId: string, tenantId: string): Promise<string | undefined> {
  const row = (await ctx.trx('engine_forms')
    .select('key')
    .where({ form_id: formId, tenant_id: tenantId })
    .orderBy('version', 'desc')
    .first()) as { key: string } | undefined;
  return row ? String(row.key) : undefined;
}
