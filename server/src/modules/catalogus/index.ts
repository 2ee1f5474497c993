/** Catalogus: zaaktypen, their versions and authorisations. */
export { CatalogusService, type CatalogusServiceOptions } from './service.js';
export { AuthorisationService } from './authorisationService.js';
export { catalogusRouter, type CatalogusRouterOptions } from './router.js';
export type { RouteAccess } from './access.js';
export { loadZaaktypeFromJson } from './loadZaaktypeFromJson.js';
export { auditEntryOf } from './auditEntry.js';
export { eindstatusOf } from './eindstatus.js';
export { contentProblems, modelProblems, type ModelUsage } from './publishRules.js';
export * from './enums.js';
export type * from './types.js';
export {
  newZaaktypeSchema,
  versionInputSchema,
  publishRequestSchema,
  type NewZaaktype,
  type VersionInput,
  type PublishRequest,
} from './schemas.js';
export { parseInput, type FieldProblem } from './validation.js';
