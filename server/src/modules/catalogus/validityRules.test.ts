import { describe, expect, it } from 'vitest';
import { planValidity } from './validityRules.js';

describe('validity of published versions', () => {
  it('closes the open-ended previous version the day before the new one begins', () => {
    const published = [
      { versie: 1, beginGeldigheid: '2025-01-01', eindeGeldigheid: '2025-12-31' },
      { versie: 2, beginGeldigheid: '2026-01-01', eindeGeldigheid: null },
    ];
    expect(planValidity('woo-verzoek', published, '2026-07-01')).toEqual({
      close: { versie: 2, eindeGeldigheid: '2026-06-30' },
    });
  });

  it('needs no change when the previous version already ends in time', () => {
    const published = [{ versie: 1, beginGeldigheid: '2025-01-01', eindeGeldigheid: '2025-12-31' }];
    expect(planValidity('woo-verzoek', published, '2026-01-01')).toEqual({});
  });

  it('refuses a begin on or before the begin of a published version', () => {
    const published = [{ versie: 1, beginGeldigheid: '2026-01-01', eindeGeldigheid: null }];
    expect(() => planValidity('woo-verzoek', published, '2026-01-01')).toThrow(
      'Cannot publish with beginGeldigheid 2026-01-01: published version 1 of zaaktype woo-verzoek begins on 2026-01-01; choose a later beginGeldigheid',
    );
  });

  it('refuses to shorten a period that was given an explicit end', () => {
    const published = [{ versie: 1, beginGeldigheid: '2026-01-01', eindeGeldigheid: '2026-12-31' }];
    expect(() => planValidity('woo-verzoek', published, '2026-06-01')).toThrow(
      /published version 1 of zaaktype woo-verzoek is valid until 2026-12-31; choose a beginGeldigheid after 2026-12-31/,
    );
  });
});
