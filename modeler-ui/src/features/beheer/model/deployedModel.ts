import type { ZaaktypeVersion } from '../api/types';
import { bpmnXmlOf, withBpmnXml } from './versionContent';

/**
 * The BPMN of a version: the model saved with it, or, for a version published from files (the
 * demo zaaktypen, or a copy of one), the process the engine has deployed for it.
 */
export async function modelXmlOf(version: ZaaktypeVersion): Promise<string | undefined> {
  const saved = bpmnXmlOf(version);
  if (saved !== undefined) return saved;
  if (!version.processDefinitionKey) return undefined;
  const response = await fetch(
    `/v2/process-definitions/${encodeURIComponent(version.processDefinitionKey)}/xml`,
    { credentials: 'include' },
  );
  return response.ok ? response.text() : undefined;
}

/** The version with its deployed model filled in when none was saved with it. */
export async function withDeployedModel(version: ZaaktypeVersion): Promise<ZaaktypeVersion> {
  if (bpmnXmlOf(version) !== undefined) return version;
  const xml = await modelXmlOf(version);
  return xml === undefined ? version : { ...version, ...withBpmnXml(version, xml) };
}
