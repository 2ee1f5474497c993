import { describe, expect, it } from 'vitest';
import type { VersionContent } from '../api/types';
import { diffMetadata } from './metadataDiff';

const base: VersionContent = {
  omschrijving: 'Bezwaar',
  doel: 'd',
  aanleiding: 'a',
  onderwerp: 'o',
  indicatieInternOfExtern: 'extern',
  handelingInitiator: 'indienen',
  handelingBehandelaar: 'behandelen',
  doorlooptijd: 'P6W',
  servicenorm: null,
  opschortingEnAanhoudingMogelijk: true,
  verlengingMogelijk: true,
  verlengingstermijn: 'P6W',
  vertrouwelijkheidaanduiding: 'openbaar',
  trefwoorden: [],
  beginGeldigheid: null,
  eindeGeldigheid: null,
  bpmnProcessId: null,
  processVersion: null,
  processDefinitionKey: null,
  forms: { beoordelen: { components: [] } },
  statustypen: [
    { id: '1', volgnummer: 1, omschrijving: 'Ontvangen', statustekst: '', informeren: false },
    { id: '2', volgnummer: 2, omschrijving: 'Afgerond', statustekst: '', informeren: true },
  ],
  resultaattypen: [],
  roltypen: [],
  eigenschappen: [],
  informatieobjecttypen: [],
};

describe('diffMetadata', () => {
  it('is empty for a copy (ids differ, content does not)', () => {
    const copy = {
      ...base,
      statustypen: base.statustypen.map((s) => ({ ...s, id: `new-${s.id}` })),
    };
    expect(diffMetadata(base, copy)).toEqual([]);
  });

  it('names changed fields, added and removed list entries, and changed forms', () => {
    const newer: VersionContent = {
      ...base,
      doorlooptijd: 'P12W',
      statustypen: [
        {
          volgnummer: 1,
          omschrijving: 'Ontvangen',
          statustekst: 'We hebben het',
          informeren: true,
        },
        { volgnummer: 2, omschrijving: 'Besloten', statustekst: '', informeren: true },
      ],
      forms: { beoordelen: { components: [{ type: 'textfield' }] } },
    };
    const changes = diffMetadata(base, newer);
    expect(changes.map((c) => [c.label, c.kind])).toEqual([
      ['Doorlooptijd', 'gewijzigd'],
      ['Statustype Ontvangen', 'gewijzigd'],
      ['Statustype Afgerond', 'verwijderd'],
      ['Statustype Besloten', 'toegevoegd'],
      ['Formulier beoordelen', 'gewijzigd'],
    ]);
    expect(changes[0]).toMatchObject({ old: 'P6W', new: 'P12W' });
  });
});
