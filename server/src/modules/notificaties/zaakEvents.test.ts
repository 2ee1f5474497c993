import { describe, expect, it } from 'vitest';
import { backoffMs, nextAttemptAt } from './retryPolicy.js';
import { authHint } from './service.js';
import { defaultRetryPolicy } from './types.js';
import { zgwNotificatieOf, type ZaakEvent } from './zaakEvents.js';

const zaak = {
  id: 'z1',
  bronorganisatie: '002220647',
  zaaktype: 'bezwaar',
  vertrouwelijkheidaanduiding: 'openbaar',
};
const at = new Date('2026-04-20T08:00:00Z');
const event = (action: string, extra: Partial<ZaakEvent> = {}): ZaakEvent => ({
  id: '1',
  action,
  resourceId: 'z1',
  zaakId: 'z1',
  oldValue: null,
  at,
  ...extra,
});
const shape = (action: string, extra: Partial<ZaakEvent> = {}) => {
  const notificatie = zgwNotificatieOf(event(action, extra), zaak, 'https://zaken.example/');
  return notificatie && [notificatie.resource, notificatie.actie, notificatie.resourceUrl];
};

describe('audit actions as ZGW notificaties', () => {
  it('maps each published action to resource, actie and resourceUrl under the zaak', () => {
    const zaakUrl = 'https://zaken.example/api/zaken/z1';
    expect(shape('zaak.aangemaakt')).toEqual(['zaak', 'create', zaakUrl]);
    expect(shape('zaak.opgeschort')).toEqual(['zaak', 'partial_update', zaakUrl]);
    expect(shape('zaak.verlengd')).toEqual(['zaak', 'partial_update', zaakUrl]);
    expect(shape('zaak.status_gezet')).toEqual(['status', 'create', `${zaakUrl}/statussen`]);
    expect(shape('zaak.heropend')).toEqual(['status', 'create', `${zaakUrl}/statussen`]);
    expect(shape('zaak.resultaat_gezet')).toEqual(['resultaat', 'create', `${zaakUrl}/resultaat`]);
    expect(shape('zaak.resultaat_gezet', { oldValue: { resultaattype: 'Verleend' } })).toEqual([
      'resultaat',
      'update',
      `${zaakUrl}/resultaat`,
    ]);
    expect(shape('zaak.rol_toegevoegd')).toEqual(['rol', 'create', `${zaakUrl}/rollen`]);
    expect(shape('document.toegevoegd', { resourceId: 'd1' })).toEqual([
      'zaakinformatieobject',
      'create',
      'https://zaken.example/api/documenten/d1',
    ]);
    expect(shape('document.verwijderd', { resourceId: 'd1' })).toEqual([
      'zaakinformatieobject',
      'destroy',
      'https://zaken.example/api/documenten/d1',
    ]);
  });

  it('does not publish internal actions', () => {
    for (const action of [
      'zaak.notitie_toegevoegd',
      'zaak.proces_gestart',
      'burger.statuspagina_bekeken',
      'taak.aangemaakt',
      'toString',
    ]) {
      expect(shape(action)).toBeUndefined();
    }
  });

  it('carries the kenmerken and the entry time', () => {
    expect(zgwNotificatieOf(event('zaak.aangemaakt'), zaak, 'https://zaken.example')).toMatchObject(
      {
        kanaal: 'zaken',
        hoofdObject: 'https://zaken.example/api/zaken/z1',
        aanmaakdatum: '2026-04-20T08:00:00.000Z',
        kenmerken: {
          bronorganisatie: '002220647',
          zaaktype: 'bezwaar',
          vertrouwelijkheidaanduiding: 'openbaar',
        },
      },
    );
  });
});

describe('retry policy', () => {
  it('doubles from a minute up to a day, and stops after the last attempt', () => {
    expect([1, 2, 3, 11, 12].map((attempt) => backoffMs(defaultRetryPolicy, attempt))).toEqual([
      60_000, 120_000, 240_000, 61_440_000, 86_400_000,
    ]);
    expect(nextAttemptAt(defaultRetryPolicy, 11, at)).toEqual(new Date(at.getTime() + 61_440_000));
    expect(nextAttemptAt(defaultRetryPolicy, 12, at)).toBeNull();
  });
});

describe('authHint', () => {
  it('shows the scheme and, for long values, the last four characters', () => {
    expect(authHint('Bearer abcdefghijklmnop1234')).toBe('Bearer ****1234');
    expect(authHint('Bearer short')).toBe('Bearer ****');
    expect(authHint('geheim')).toBe('****');
  });
});
