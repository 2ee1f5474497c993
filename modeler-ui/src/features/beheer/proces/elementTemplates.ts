/**
 * Element templates for the standard Zaakstroom workers (see workers/src/<job-type>/elementTemplate.json,
 * same ids). Unlike the worker's static files, the statustype, resultaattype and roltype headers here
 * are dropdowns whose choices come from the zaaktype version's own catalogue.
 *
 * There is no template for user tasks: the Zeebe element templates schema (0.46) lets a template
 * bind zeebe:formDefinition, zeebe:assignmentDefinition or zeebe:taskSchedule only together with
 * zeebe:userTask (a Camunda user task), and the engine runs job-based user tasks only.
 * bpmn-js-element-templates leaves out a template that fails the schema, so such a template would
 * never show; a user task gets its team and form through the standard "User task" and the
 * properties panel (Assignment, Form).
 */

interface Binding {
  type: 'zeebe:taskDefinition' | 'zeebe:taskHeader' | 'zeebe:input';
  property?: string;
  key?: string;
  /** For zeebe:input: the local variable the (FEEL) value is mapped to. */
  name?: string;
}

export interface TemplateProperty {
  label?: string;
  description?: string;
  type: 'Hidden' | 'String' | 'Text' | 'Dropdown';
  value?: string;
  choices?: { name: string; value: string }[];
  binding: Binding;
  optional?: boolean;
  feel?: 'optional' | 'required';
  constraints?: { notEmpty?: boolean };
}

export interface ElementTemplate {
  $schema: string;
  name: string;
  id: string;
  version: number;
  description: string;
  category: { id: string; name: string };
  appliesTo: string[];
  elementType: { value: string };
  properties: TemplateProperty[];
}

export interface TemplateCatalogue {
  statustypen: string[];
  resultaattypen: string[];
  roltypen: string[];
  /** Documenttypen (informatieobjecttypen) of this version; free text when absent. */
  informatieobjecttypen?: string[];
}

const header = (
  key: string,
  label: string,
  description: string,
  extra: Partial<TemplateProperty> = {},
) =>
  ({
    label,
    description,
    type: 'String',
    binding: { type: 'zeebe:taskHeader', key },
    ...extra,
  }) satisfies TemplateProperty;

const required = { constraints: { notEmpty: true } };
const optional = { optional: true };

/** A local input variable, FEEL allowed (`=zaak.identificatie`). */
function input(
  name: string,
  label: string,
  description: string,
  extra: Partial<TemplateProperty>,
): TemplateProperty {
  return {
    label,
    description,
    type: 'String',
    feel: 'optional',
    binding: { type: 'zeebe:input', name },
    ...extra,
  };
}

/** A header chosen from the catalogue; free text when the catalogue has nothing to choose yet. */
function catalogueHeader(
  key: string,
  label: string,
  names: string[],
  what: string,
  extra: Partial<TemplateProperty>,
): TemplateProperty {
  if (names.length === 0) {
    return header(
      key,
      label,
      `Nog geen ${what} in de Gegevens van deze versie; vul de naam in.`,
      extra,
    );
  }
  return header(key, label, `Een ${what.replace(/en$/, '')} uit de Gegevens van deze versie.`, {
    ...extra,
    type: 'Dropdown',
    choices: [
      ...(extra.optional ? [{ name: '(geen)', value: '' }] : []),
      ...names.map((name) => ({ name, value: name })),
    ],
  });
}

function template(
  jobType: string,
  name: string,
  description: string,
  properties: TemplateProperty[],
): ElementTemplate {
  return {
    $schema: 'https://unpkg.com/@camunda/zeebe-element-templates-json-schema/resources/schema.json',
    name,
    id: `nl.zaakstroom.${jobType}`,
    version: 1,
    description,
    category: { id: 'zaakstroom', name: 'Zaakstroom' },
    appliesTo: ['bpmn:Task'],
    elementType: { value: 'bpmn:ServiceTask' },
    properties: [
      {
        type: 'Hidden',
        value: jobType,
        binding: { type: 'zeebe:taskDefinition', property: 'type' },
      },
      ...properties,
    ],
  };
}

export function zaakstroomTemplates(catalogue: TemplateCatalogue): ElementTemplate[] {
  const toelichting = header('toelichting', 'Toelichting', 'Optioneel.', optional);
  return [
    template('zaak.status', 'Zet status', 'Geeft de zaak de gekozen status.', [
      catalogueHeader('statustype', 'Statustype', catalogue.statustypen, 'statustypen', required),
      toelichting,
    ]),
    template('zaak.resultaat', 'Zet resultaat', 'Legt het resultaat van de zaak vast.', [
      catalogueHeader(
        'resultaattype',
        'Resultaattype',
        catalogue.resultaattypen,
        'resultaattypen',
        required,
      ),
      toelichting,
    ]),
    template(
      'notificatie.email',
      'Stuur e-mail',
      'Verstuurt een e-mail (SMTP, of de outbox). Plaatshouders als {{zaak.identificatie}} worden gevuld.',
      [
        header('to', 'Aan', "Vaste ontvanger(s), gescheiden door komma's.", optional),
        header(
          'toVariable',
          'Aan (variabele)',
          'Variabele met het adres, bijv. zaak.initiator.email.',
          optional,
        ),
        header(
          'subject',
          'Onderwerp',
          'Plaatshouders als {{zaak.identificatie}} zijn toegestaan.',
          required,
        ),
        header('template', 'Bericht (HTML)', 'Tekst van de e-mail.', { ...required, type: 'Text' }),
      ],
    ),
    template(
      'zaak.afsluiten',
      'Zaak afsluiten',
      'Zet de eindstatus; zonder resultaat volgt BPMN-fout RESULTAAT_ONTBREEKT.',
      [
        catalogueHeader(
          'resultaattype',
          'Resultaattype',
          catalogue.resultaattypen,
          'resultaattypen',
          optional,
        ),
        toelichting,
      ],
    ),
    template('zaak.opschorten', 'Zaak opschorten', 'Schort de afhandeltermijn van de zaak op.', [
      header('reden', 'Reden', 'Waarom de zaak wordt opgeschort.', required),
    ]),
    template('zaak.hervatten', 'Zaak hervatten', 'Beëindigt de opschorting van de zaak.', []),
    template('zaak.verlengen', 'Zaak verlengen', 'Verlengt de afhandeltermijn van de zaak.', [
      header('duur', 'Duur', 'ISO 8601-duur, bijv. P6W.', required),
      header('reden', 'Reden', 'Waarom de termijn wordt verlengd.', required),
    ]),
    template('zaak.rol', 'Rol toevoegen', 'Voegt een betrokkene met een rol toe aan de zaak.', [
      catalogueHeader('roltype', 'Roltype', catalogue.roltypen, 'roltypen', required),
      header('betrokkeneVariable', 'Variabele met betrokkene', 'Variabele met de betrokkene.', {
        ...required,
        value: 'betrokkene',
      }),
      toelichting,
    ]),
    template(
      'document.genereren',
      'Genereer document',
      'Maakt een PDF-brief (bijv. een besluit) uit een sjabloon en voegt die als document toe aan de zaak.',
      [
        header('template', 'Sjabloon', 'Naam van het sjabloon.', {
          ...required,
          type: 'Dropdown',
          value: 'besluit',
          choices: [
            { name: 'Besluit (algemeen)', value: 'besluit' },
            { name: 'Besluit omgevingsvergunning', value: 'omgevingsvergunning-besluit' },
          ],
        }),
        catalogueHeader(
          'informatieobjecttype',
          'Documenttype',
          catalogue.informatieobjecttypen ?? [],
          'documenttypen',
          required,
        ),
        header('titel', 'Titel', 'Optioneel; anders die van het sjabloon.', optional),
        header('gemeente', 'Gemeente', 'Naam van de gemeente boven de brief.', {
          value: 'Gemeente',
        }),
      ],
    ),
    template(
      'burger.informatie-opvragen',
      'Vraag informatie op bij de aanvrager',
      'Schort de zaak op en vraagt de aanvrager via de statuspagina om aanvullende gegevens. Zet hierna een berichtgebeurtenis met dezelfde berichtnaam.',
      [
        input(
          'omschrijving',
          'Wat wordt gevraagd',
          'In eenvoudige woorden, bijv. =ontbrekendeGegevens uit het formulier.',
          required,
        ),
        header(
          'berichtNaam',
          'Berichtnaam',
          'Het bericht dat de upload publiceert; gelijk aan dat van de berichtgebeurtenis erna.',
          {
            ...required,
            value: 'aanvullende-gegevens-ontvangen',
          },
        ),
        input(
          'correlatieSleutel',
          'Correlatiesleutel',
          'Waarop de berichtgebeurtenis wacht, meestal het zaaknummer.',
          {
            ...required,
            value: '=zaak.identificatie',
          },
        ),
        input(
          'uiterlijkeDatum',
          'Uiterlijke datum',
          'Optioneel: datum (JJJJ-MM-DD) waarop de aanvrager uiterlijk moet reageren.',
          optional,
        ),
      ],
    ),
    template('http.request', 'HTTP-verzoek', 'Roept een REST-dienst aan.', [
      header(
        'url',
        'URL',
        'Absolute URL; plaatshouders als {{zaak.id}} zijn toegestaan.',
        required,
      ),
      header('method', 'Methode', 'HTTP-methode.', {
        ...required,
        type: 'Dropdown',
        value: 'GET',
        choices: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].map((m) => ({ name: m, value: m })),
      }),
      header(
        'bodyVariable',
        'Variabele met body',
        'Optioneel: variabele met de JSON-body.',
        optional,
      ),
      header(
        'resultVariable',
        'Resultaatvariabele',
        'Optioneel: krijgt { status, body }.',
        optional,
      ),
      header('timeoutMs', 'Time-out (ms)', 'Hoe lang op antwoord wordt gewacht.', {
        ...required,
        value: '30000',
      }),
    ]),
  ];
}

/** The job types the platform has a standard worker for (the templates above, plus user tasks). */
export const STANDARD_JOB_TYPES = new Set([
  'zaak.status',
  'zaak.resultaat',
  'zaak.afsluiten',
  'zaak.opschorten',
  'zaak.hervatten',
  'zaak.verlengen',
  'zaak.rol',
  'notificatie.email',
  'http.request',
  'document.genereren',
  'burger.informatie-opvragen',
]);
