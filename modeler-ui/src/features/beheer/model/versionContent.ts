import type { VersionContent, ZaaktypeVersion } from '../api/types';

/**
 * The catalogue has no field for the BPMN model yet, so the concept keeps it in `forms` under a key
 * that can never be a form id (form ids are XML names, without ':'). See the report: the server
 * needs an endpoint that stores and deploys the model.
 */
export const BPMN_FORMS_KEY = 'zaakstroom:bpmn';

interface StoredModel {
  xml: string;
}

const SERVER_FIELDS = [
  'id',
  'identificatie',
  'versie',
  'status',
  'createdBy',
  'updatedBy',
  'publishedBy',
  'createdAt',
  'updatedAt',
  'publishedAt',
] as const satisfies readonly (keyof ZaaktypeVersion)[];

/** The PUT body for a version as the API returned it: the server-owned fields left out. */
export function contentOf(version: ZaaktypeVersion): VersionContent {
  const content: Partial<ZaaktypeVersion> = { ...version };
  for (const field of SERVER_FIELDS) delete content[field];
  return content as VersionContent;
}

export function bpmnXmlOf(content: VersionContent): string | undefined {
  const stored = content.forms[BPMN_FORMS_KEY] as StoredModel | undefined;
  return typeof stored?.xml === 'string' ? stored.xml : undefined;
}

export function withBpmnXml(content: VersionContent, xml: string): VersionContent {
  return { ...content, forms: { ...content.forms, [BPMN_FORMS_KEY]: { xml } } };
}

/** The user task forms (form-js schemas) by form id, without the stored model. */
export function userTaskForms(content: VersionContent): Record<string, unknown> {
  return Object.fromEntries(Object.entries(content.forms).filter(([id]) => id !== BPMN_FORMS_KEY));
}

export function withUserTaskForms(
  content: VersionContent,
  forms: Record<string, unknown>,
): VersionContent {
  const model = content.forms[BPMN_FORMS_KEY];
  return { ...content, forms: model === undefined ? forms : { ...forms, [BPMN_FORMS_KEY]: model } };
}

/** Sensible defaults for a new zaaktype, so a beheerder only has to fill in what matters. */
export function newVersionContent(omschrijving: string): VersionContent {
  return {
    omschrijving,
    doel: omschrijving,
    aanleiding: omschrijving,
    onderwerp: omschrijving,
    indicatieInternOfExtern: 'extern',
    handelingInitiator: 'aanvragen',
    handelingBehandelaar: 'behandelen',
    doorlooptijd: 'P8W',
    servicenorm: null,
    opschortingEnAanhoudingMogelijk: true,
    verlengingMogelijk: false,
    verlengingstermijn: null,
    vertrouwelijkheidaanduiding: 'zaakvertrouwelijk',
    trefwoorden: [],
    beginGeldigheid: null,
    eindeGeldigheid: null,
    bpmnProcessId: null,
    processVersion: null,
    processDefinitionKey: null,
    forms: {},
    statustypen: [
      { volgnummer: 1, omschrijving: 'Ontvangen', statustekst: '', informeren: false },
      { volgnummer: 2, omschrijving: 'In behandeling', statustekst: '', informeren: false },
      { volgnummer: 3, omschrijving: 'Afgehandeld', statustekst: '', informeren: false },
    ],
    resultaattypen: [],
    roltypen: [{ omschrijving: 'Initiator', omschrijvingGeneriek: 'initiator' }],
    eigenschappen: [],
    informatieobjecttypen: [],
  };
}
