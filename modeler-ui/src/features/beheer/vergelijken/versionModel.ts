import type { ZaaktypeVersion } from '../api/types';
import { bpmnXmlOf } from '../model/versionContent';

/**
 * The BPMN of a version: the model saved with it, or, for a version published from files (the
 * demo zaaktypen), the process the engine has deployed for it.
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
