import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateFormData } from './formValidation.js';

const form = (...components: Record<string, unknown>[]) => ({ components });
const messages = (
  schema: { components: unknown[] },
  data: Record<string, unknown>,
  variables = {},
) => Object.fromEntries(validateFormData(schema, data, variables).map((p) => [p.path, p.message]));

describe('validateFormData: form-js rules on submitted task data', () => {
  it('given required fields, then empty text, null, an empty list and an unchecked checkbox are refused', () => {
    const schema = form(
      { type: 'textfield', key: 'naam', label: 'Naam', validate: { required: true } },
      { type: 'select', key: 'keuze', values: [{ value: 'a' }], validate: { required: true } },
      { type: 'checklist', key: 'lijst', values: [{ value: 'a' }], validate: { required: true } },
      { type: 'checkbox', key: 'akkoord', validate: { required: true } },
      { type: 'textarea', key: 'vrij' },
    );
    const problems = validateFormData(schema, { naam: '', keuze: null, lijst: [], akkoord: false });
    expect(problems).toEqual([
      { path: 'naam', label: 'Naam', message: 'Dit veld is verplicht.' },
      { path: 'keuze', message: 'Dit veld is verplicht.' },
      { path: 'lijst', message: 'Dit veld is verplicht.' },
      { path: 'akkoord', message: 'Dit veld is verplicht.' },
    ]);
    expect(
      validateFormData(schema, { naam: 'x', keuze: 'a', lijst: ['a'], akkoord: true }),
    ).toEqual([]);
  });

  it('given text limits, then lengths count the trimmed text and the pattern is unanchored like form-js', () => {
    const schema = form(
      { type: 'textfield', key: 'code', validate: { minLength: 3, maxLength: 5 } },
      { type: 'textfield', key: 'postcode', validate: { pattern: '[0-9]{4} ?[A-Z]{2}' } },
      {
        type: 'textfield',
        key: 'kenmerk',
        validate: { pattern: '^K', patternErrorMessage: 'Begin met K.' },
      },
      { type: 'textfield', key: 'kapot', validate: { pattern: '([' } },
    );
    expect(
      messages(schema, { code: '  ab  ', postcode: 'x1234 AB', kenmerk: 'L1', kapot: 'x' }),
    ).toEqual({
      code: 'Minstens 3 tekens.',
      kenmerk: 'Begin met K.',
    });
    expect(messages(schema, { code: 'abcdef', postcode: '12 AB' })).toEqual({
      code: 'Hoogstens 5 tekens.',
      postcode: 'De invoer past niet in het patroon [0-9]{4} ?[A-Z]{2}.',
    });
  });

  it('given e-mail and phone validation types, then other text is refused', () => {
    const schema = form(
      { type: 'textfield', key: 'email', validate: { validationType: 'email' } },
      { type: 'textfield', key: 'telefoon', validate: { validationType: 'phone' } },
    );
    expect(Object.keys(messages(schema, { email: 'geen-adres', telefoon: '0612345678' }))).toEqual([
      'email',
      'telefoon',
    ]);
    expect(messages(schema, { email: 'a@b.nl', telefoon: '+31 6 12345678' })).toEqual({});
  });

  it('given a number field, then numbers and numeric strings pass within min, max (also FEEL) and decimals', () => {
    const schema = form({
      type: 'number',
      key: 'aantal',
      decimalDigits: 0,
      validate: { min: 1, max: '=limiet' },
    });
    const variables = { limiet: 10 };
    expect(messages(schema, { aantal: 3 }, variables)).toEqual({});
    expect(messages(schema, { aantal: '4' }, variables)).toEqual({}); // serializeToString
    expect(messages(schema, { aantal: 'veel' }, variables)).toEqual({
      aantal: 'Vul een getal in.',
    });
    expect(messages(schema, { aantal: 0 }, variables)).toEqual({
      aantal: 'De waarde moet minstens 1 zijn.',
    });
    expect(messages(schema, { aantal: 11 }, variables)).toEqual({
      aantal: 'De waarde mag hoogstens 10 zijn.',
    });
    expect(messages(schema, { aantal: 2.5 }, variables)).toEqual({
      aantal: 'Vul een geheel getal in.',
    });
  });

  it('given options, then a value outside static options is refused; options from data are not checked', () => {
    const schema = form(
      { type: 'radio', key: 'besluit', values: [{ value: 'ja' }, { value: 'nee' }] },
      { type: 'taglist', key: 'labels', values: [{ value: 'a' }, { value: 'b' }] },
      { type: 'select', key: 'team', valuesKey: 'teams' },
      { type: 'checkbox', key: 'spoed' },
    );
    expect(
      messages(schema, {
        besluit: 'misschien',
        labels: ['a', 'c'],
        team: 'wat dan ook',
        spoed: 'ja',
      }),
    ).toEqual({
      besluit: 'Kies een van de opties: ja, nee.',
      labels: 'Onbekende optie c; kies uit: a, b.',
      spoed: 'Kies ja of nee (true of false).',
    });
    expect(messages(schema, { labels: 'a' })).toEqual({
      labels: 'Kies een of meer opties (een lijst).',
    });
  });

  it('given conditions, then hidden fields are skipped, shown ones checked, and an unreadable one is not required', () => {
    const schema = form(
      { type: 'checkbox', key: 'verzuim' },
      {
        type: 'textarea',
        key: 'omschrijving',
        validate: { required: true },
        conditional: { hide: '=not(verzuim)' },
      },
      {
        type: 'textarea',
        key: 'onleesbaar',
        validate: { required: true, maxLength: 2 },
        conditional: { hide: '=verzuim +' },
      },
    );
    expect(messages(schema, { verzuim: false })).toEqual({});
    expect(messages(schema, { verzuim: true })).toEqual({ omschrijving: 'Dit veld is verplicht.' });
    expect(messages(schema, { verzuim: false, onleesbaar: 'lang' })).toEqual({
      onleesbaar: 'Hoogstens 2 tekens.',
    });
  });

  it('given a condition on a process variable, then the variable counts unless the form owns that name', () => {
    const schema = form(
      {
        type: 'textfield',
        key: 'reden',
        validate: { required: true },
        conditional: { hide: '=zaak.spoed' },
      },
      { type: 'checkbox', key: 'akkoord' },
      {
        type: 'textfield',
        key: 'uitleg',
        validate: { required: true },
        conditional: { hide: '=akkoord = true' },
      },
    );
    // form-js drops the data of fields it does not submit, so a stale `akkoord` variable does not count
    expect(messages(schema, {}, { zaak: { spoed: true }, akkoord: true })).toEqual({
      uitleg: 'Dit veld is verplicht.',
    });
    expect(messages(schema, { akkoord: true }, { zaak: { spoed: false } })).toEqual({
      reden: 'Dit veld is verplicht.',
    });
  });

  it('given disabled and read-only fields, then they are not required', () => {
    const schema = form(
      { type: 'textfield', key: 'a', disabled: true, validate: { required: true } },
      { type: 'textfield', key: 'b', readonly: true, validate: { required: true } },
      { type: 'textfield', key: 'c', readonly: '=klaar', validate: { required: true } },
    );
    expect(messages(schema, {})).toEqual({});
  });

  it('given groups with a path and dynamic lists, then nested values are checked at their data path', () => {
    const schema = form(
      {
        type: 'group',
        path: 'adres',
        label: 'Adres',
        components: [
          { type: 'textfield', key: 'straat', label: 'Straat', validate: { required: true } },
        ],
      },
      {
        type: 'dynamiclist',
        path: 'regels',
        isRepeating: true,
        components: [
          { type: 'number', key: 'bedrag', validate: { min: 0 } },
          {
            type: 'textfield',
            key: 'reden',
            validate: { required: true },
            conditional: { hide: '=this.bedrag = 0' },
          },
        ],
      },
    );
    expect(
      validateFormData(schema, {
        adres: {},
        regels: [{ bedrag: 0 }, { bedrag: -1, reden: 'x' }, { bedrag: 5 }],
      }),
    ).toEqual([
      { path: 'adres.straat', label: 'Straat', message: 'Dit veld is verplicht.' },
      { path: 'regels.1.bedrag', message: 'De waarde moet minstens 0 zijn.' },
      { path: 'regels.2.reden', message: 'Dit veld is verplicht.' },
    ]);
  });

  it('given a form without components, then anything goes', () => {
    expect(validateFormData({}, { x: 1 })).toEqual([]);
  });
});

describe('validateFormData on the demo forms in processes/', () => {
  const processes = new URL('../../../../processes/', import.meta.url);
  const forms = new Map<string, { components: unknown[] }>();
  for (const folder of readdirSync(processes, { withFileTypes: true }).filter((d) =>
    d.isDirectory(),
  )) {
    const dir = new URL(`${folder.name}/forms/`, processes);
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.form')))
      forms.set(
        file.replace(/\.form$/, ''),
        JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as { components: unknown[] },
      );
  }
  /** What the zaaktype e2e tests (and so a behandelaar) submit. */
  const submitted: [string, Record<string, unknown>][] = [
    [
      'bezwaar-beoordelen',
      { verzuim: true, verzuimOmschrijving: 'Geen gronden.', adviescommissie: false },
    ],
    ['bezwaar-beoordelen', { verzuim: false, adviescommissie: false }],
    [
      'bezwaar-hoorzitting',
      {
        hoorzittingDatum: '2031-10-01T10:00',
        bezwaarmakerVerschenen: true,
        verslagHoorzitting: 'Toegelicht.',
      },
    ],
    ['bezwaar-advies', { adviesCommissie: 'ongegrond', adviesToelichting: 'Terecht.' }],
    ['bezwaar-besluit', { besluit: 'niet_ontvankelijk', motivering: 'Niet hersteld.' }],
    [
      'mor-melding-beoordelen',
      { categorie: 'afval', spoed: false, triageToelichting: 'Veegploeg' },
    ],
    [
      'mor-melding-beoordelen',
      { categorie: 'geen_gemeentetaak', doorverwezenNaar: 'het waterschap' },
    ],
    ['mor-melding-afhandelen', { uitkomst: 'niet_opgelost', terugmelding: 'Niet bereikt.' }],
    // as form-js submits them in zaakFlow.browser.test.ts: empty fields as '', hidden ones left out
    ['mor-melding-beoordelen', { categorie: 'groen', spoed: false, triageToelichting: '' }],
    ['mor-melding-afhandelen', { uitkomst: 'opgelost', terugmelding: 'De boom is weggehaald.' }],
    ['ovg-volledigheid', { volledig: false, ontbrekendeGegevens: 'Een situatietekening' }],
    ['ovg-volledigheid', { volledig: true }],
    ['ovg-beoordelen', { adviseurs: ['welstand'], verlengingNodig: true }],
    ['ovg-advies', { advies: 'negatief', adviesToelichting: 'Past niet.' }],
    ['ovg-besluit', { besluit: 'verleend', motivering: 'Past in het omgevingsplan.' }],
    [
      'woo-verzoek-beoordelen',
      { zienswijzeNodig: true, derden: 'Windpark BV', verdagingNodig: false },
    ],
    ['woo-verzoek-beoordelen', { zienswijzeNodig: false, verdagingNodig: false }],
    [
      'woo-besluit',
      {
        besluit: 'niet_openbaar',
        weigeringsgronden: ['bedrijfsgegevens'],
        motivering: 'Concurrentie.',
      },
    ],
    [
      'woo-publiceren',
      { gelaktGecontroleerd: true, vindplaats: 'https://open.gemeente.example/woo/1' },
    ],
  ];

  it.each(submitted)('given %s with the data the e2e tests submit, then it passes', (id, data) => {
    const schema = forms.get(id);
    expect(schema, `processes/*/forms/${id}.form`).toBeDefined();
    expect(validateFormData(schema ?? {}, data, { zaak: { identificatie: 'ZAAK-1' } })).toEqual([]);
  });

  it('given every demo form submitted empty, then only its required fields are named', () => {
    const required = [...forms].flatMap(([id, schema]) =>
      validateFormData(schema, {}).map((problem) => `${id}.${problem.path}`),
    );
    expect(required).toContain('woo-publiceren.gelaktGecontroleerd');
    expect(required).toContain('ovg-besluit.motivering');
    expect(required).not.toContain('ovg-besluit.voorschriften');
  });
});
