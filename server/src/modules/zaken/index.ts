/** Zaken: registration (idempotent), process start through an outbox, status, resultaat, termijnen, rollen, notities. */
export { ZaakService, type CreateResult } from './service.js';
export type {
  ZaakServiceOptions,
  ZaaktypeCatalogus,
  ZaakAuthorisation,
  DeadlineCalendar,
  Caller,
} from './dependencies.js';
export { zakenRouter, type ZakenRouterOptions } from './router.js';
export type { ActionContext } from './actionContext.js';
export { zaakActorRoles, zaakReaderRoles } from './zakenApiDocs.js';
export { createZakenRouter, createZaakService } from './zakenModule.js';
export {
  sdkProcessStarter,
  engineInstanceLookup,
  type ProcessStarter,
  type ProcessInstanceLookup,
} from './processStarter.js';
export {
  startOutboxRelay,
  createOutboxRelay,
  type OutboxRelay,
  type OutboxRelayOptions,
} from './outboxRelay.js';
export { loadVisibleZaaktypen, whereVisible, type VisibleZaaktypen } from './visibleZaken.js';
export { passesElfProef } from './elfProef.js';
export { formatZaaknummer, formatProefrunNummer } from './zaakCreation.js';
export { isProefrunStarter, isProefrunZaak, isZaakId, withoutProefrun } from './proefrun.js';
export { proefrunIntakeSchema, type ProefrunIntake } from './schemas.js';
export { zaakDetailSchema } from './responseSchemas.js';
export type * from './types.js';
export { opschorten, hervatten } from './termijnActions.js';
