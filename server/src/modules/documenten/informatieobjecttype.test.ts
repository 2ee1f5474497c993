import { describe, expect, it } from 'vitest';
import { informatieobjecttypeOf } from './informatieobjecttype.js';

describe('informatieobjecttypeOf', () => {
  const version = {
    identificatie: 'omgevingsvergunning',
    informatieobjecttypen: [{ omschrijving: 'Besluit', vertrouwelijkheidaanduiding: 'openbaar' as const }],
  };

  it('takes the type of the catalogue, whatever the case, with its vertrouwelijkheid', () => {
    expect(informatieobjecttypeOf(version, 'besluit')).toEqual({
      omschrijving: 'Besluit',
      vertrouwelijkheidaanduiding: 'openbaar',
    });
  });

  it('refuses a type the catalogue does not have', () => {
    expect(() => informatieobjecttypeOf(version, 'Foto')).toThrow(/kies uit "Besluit"/);
  });

  it('accepts free text when the zaaktype defines no types', () => {
    expect(informatieobjecttypeOf({ identificatie: 'x', informatieobjecttypen: [] }, 'Foto')).toEqual({ omschrijving: 'Foto' });
  });
});
