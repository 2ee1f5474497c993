import type { VersionContent, ZaaktypeVersion } from './types.js';

/** The editable content of a version, without ids and bookkeeping. */
export function contentOf(version: ZaaktypeVersion): VersionContent {
  const withoutId = <T extends { id: string }>(item: T): Omit<T, 'id'> => {
    const copy: Partial<T> = { ...item };
    delete copy.id;
    return copy as Omit<T, 'id'>;
  };
  return {
    omschrijving: version.omschrijving,
    doel: version.doel,
    aanleiding: version.aanleiding,
    onderwerp: version.onderwerp,
    indicatieInternOfExtern: version.indicatieInternOfExtern,
    handelingInitiator: version.handelingInitiator,
    handelingBehandelaar: version.handelingBehandelaar,
    doorlooptijd: version.doorlooptijd,
    servicenorm: version.servicenorm,
    opschortingEnAanhoudingMogelijk: version.opschortingEnAanhoudingMogelijk,
    verlengingMogelijk: version.verlengingMogelijk,
    verlengingstermijn: version.verlengingstermijn,
    vertrouwelijkheidaanduiding: version.vertrouwelijkheidaanduiding,
    trefwoorden: version.trefwoorden,
    versiedatum: version.versiedatum,
    beginGeldigheid: version.beginGeldigheid,
    eindeGeldigheid: version.eindeGeldigheid,
    bpmnProcessId: version.bpmnProcessId,
    processVersion: version.processVersion,
    processDefinitionKey: version.processDefinitionKey,
    forms: version.forms,
    statustypen: version.statustypen.map(withoutId),
    resultaattypen: version.resultaattypen.map(withoutId),
    roltypen: version.roltypen.map(withoutId),
    eigenschappen: version.eigenschappen.map(withoutId),
    informatieobjecttypen: version.informatieobjecttypen.map(withoutId),
  };
}
