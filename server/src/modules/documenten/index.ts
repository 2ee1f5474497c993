/** Documenten: files of a zaak (content on disk by sha256, metadata in PostgreSQL), with audit trail. */
export { createDocumentenModule, createDocumentenRouter } from './documentenModule.js';
export { documentenRouter, FILE_FIELD, type DocumentenRouterOptions } from './router.js';
export { DocumentService, type ZaakAccess } from './service.js';
export { DocumentContentStore } from './contentStore.js';
export type { ZaakDocument } from './types.js';
