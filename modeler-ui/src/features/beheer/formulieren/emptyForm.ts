/** A new, empty form-js schema with the given id, as Camunda 8.8 expects it. */
export function emptyForm(id: string, title: string): Record<string, unknown> {
  return {
    id,
    type: 'default',
    executionPlatform: 'Camunda Cloud',
    executionPlatformVersion: '8.8.0',
    exporter: { name: 'Zaakstroom', version: '0.1.0' },
    schemaVersion: 19,
    components: [
      {
        type: 'text',
        text: `## ${title}\nZaak {{zaak.identificatie}}: {{zaak.omschrijving}}`,
        id: 'Text_1',
      },
    ],
  };
}

/** Form ids end up as XML ids in the process (`zeebe:userTaskForm`), so they must be XML names. */
export function formIdProblem(id: string, existing: string[]): string | undefined {
  if (!/^[A-Za-z_][\w.-]*$/.test(id))
    return 'Gebruik letters, cijfers, "-", "_" en ".", te beginnen met een letter, bijv. "aanvraag-beoordelen".';
  if (existing.includes(id)) return `Er is al een formulier "${id}".`;
  return undefined;
}
