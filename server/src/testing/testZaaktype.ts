import { readFile } from 'node:fs/promises';
import { MODEL_FORM_KEY } from '../platform/modelDeployment.js';
import { methodSession } from '../bench/apiSession.js';

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
  const beheerder = await methodSession(baseUrl, 'beheerder');
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
