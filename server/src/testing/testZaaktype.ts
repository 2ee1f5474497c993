import { readFile } from 'node:fs/promises';
import { MODEL_FORM_KEY } from '../platform/modelDeployment.js';

/** The demo melding zaaktype: its statustypen (Ontvangen, In behandeling, Afgehandeld) suit a test model. */
const meldingJson = new URL(
  '../../../processes/melding-openbare-ruimte/zaaktype.json',
  import.meta.url,
);

/**
 * Publishes zaaktype `identificatie` with the given BPMN through the catalogus API, as a beheerder
 * does in Beheer (concept, drawn model, deploy, publish), and authorises team-openbare-ruimte
 * (behandelaar2; the coordinator is in every team) for it.
 */
export async function publishTestZaaktype(
  baseUrl: string,
  identificatie: string,
  xml: string,
): Promise<void> {
  const beheerder = await session(baseUrl, 'beheerder');
  const { identificatie: _demo, ...melding } = JSON.parse(
    await readFile(meldingJson, 'utf8'),
  ) as Record<string, unknown>;
  void _demo;
  const unbound = {
    ...melding,
    bpmnProcessId: null,
    processVersion: null,
    processDefinitionKey: null,
  };
  const version = `/api/catalogus/zaaktypen/${identificatie}/versies/1`;
  await beheerder('POST', '/api/catalogus/zaaktypen', { ...unbound, identificatie });
  await beheerder('PUT', version, { ...unbound, forms: { [MODEL_FORM_KEY]: { xml } } });
  await beheerder('POST', `${version}/model/deploy`);
  await beheerder('POST', `${version}/publiceren`, {});
  await beheerder('PUT', `/api/catalogus/autorisaties/team-openbare-ruimte/${identificatie}`, {
    maxVertrouwelijkheidaanduiding: 'vertrouwelijk',
  });
}

/** A cookie session that calls with any method and fails on anything but 2xx. */
export async function session(baseUrl: string, username: string) {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo' }),
  });
  if (!login.ok) throw new Error(`login as ${username} failed: ${login.status}`);
  const cookie = login.headers
    .getSetCookie()
    .map((value) => value.split(';')[0])
    .join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async <T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        Cookie: cookie,
        'X-CSRF-Token': csrfToken,
        'Content-Type': 'application/json',
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
}
