export type Filled = { ok: true; text: string } | { ok: false; missing: string[] };

const placeholder = /\{\{\s*([\w.-]+)\s*\}\}/g;

/**
 * Replaces `{{zaak.identificatie}}`-style placeholders with the value at that path in the
 * variables, passed through `encode` (HTML-escaping for mail bodies, URL-encoding for URLs).
 * A placeholder without a value is reported rather than left empty: a mail saying "Uw zaak
 * is ontvangen" without the number is worse than an incident that names the missing field.
 */
export function fillTemplate(
  template: string,
  variables: Record<string, unknown>,
  encode: (value: string) => string = (value) => value,
): Filled {
  const missing: string[] = [];
  const text = template.replace(placeholder, (_match, path: string) => {
    const value = valueAt(variables, path);
    if (value === undefined || value === null) {
      missing.push(path);
      return '';
    }
    return encode(typeof value === 'string' ? value : JSON.stringify(value));
  });
  return missing.length ? { ok: false, missing } : { ok: true, text };
}

/** The value at a dotted path (`zaak.initiator.naam`), or undefined. */
export function valueAt(variables: Record<string, unknown>, path: string): unknown {
  let current: unknown = variables;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, part))
      return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
