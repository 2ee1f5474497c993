import { systemActor, type AuditEntryInput } from '../audit/index.js';
import type { CatalogusChange } from './types.js';

const actions: Record<CatalogusChange['action'], string> = {
  create: 'zaaktype.aangemaakt',
  update: 'zaaktype.gewijzigd',
  copy: 'zaaktype.gekopieerd',
  publish: 'zaaktype.gepubliceerd',
  close: 'zaaktype.geldigheid_beeindigd',
  delete: 'zaaktype.verwijderd',
};

/**
 * A catalogue change as an audit entry, for wiring
 * `onChange: (change, trx) => recordAudit(trx, auditEntryOf(change))`.
 * The resource is the version, by its id; the remark names it the way a beheerder would.
 */
export function auditEntryOf(change: CatalogusChange): AuditEntryInput {
  const version = change.newValue ?? change.oldValue;
  return {
    actor: change.actor
      ? {
          type: change.actor.kind ?? 'user',
          id: change.actor.id ?? null,
          name: change.actor.username,
        }
      : systemActor,
    action: actions[change.action],
    resourceType: 'zaaktype_versie',
    resourceId: version?.id ?? `${change.identificatie}/${change.versie}`,
    oldValue: change.oldValue,
    newValue: change.newValue,
    remark: `${change.identificatie} versie ${change.versie}`,
  };
}
