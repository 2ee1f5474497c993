import type { ModelProblem } from '../types.js';

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

export type GuardedDocument = { ok: true; xml: string } | { ok: false; problem: ModelProblem };

/**
 * Checks a document before any XML parser sees it: a size limit, and no DTD at all. BPMN never
 * needs a DOCTYPE, and refusing it outright rules out entity expansion (billion laughs) and
 * external entities (XXE) whatever the parser underneath does.
 */
export function guardDocument(
  input: string | Buffer,
  maxBytes = DEFAULT_MAX_BYTES,
): GuardedDocument {
  const size = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.byteLength;
  if (size > maxBytes) {
    return reject(`The document is ${size} bytes, more than the limit of ${maxBytes} bytes`);
  }
  const xml = decode(input);
  if (xml === undefined) return reject('The document is not valid UTF-8 text');
  const declaration = /<!(DOCTYPE|ENTITY)\b/i.exec(blankOutCommentsAndCdata(xml));
  if (declaration) {
    const { line, column } = positionOf(xml, declaration.index);
    return reject(
      `The document contains a <!${declaration[1]!.toUpperCase()} declaration (line ${line}, column ${column}); ` +
        'DTDs and entities are not allowed in BPMN documents, remove the declaration',
    );
  }
  return { ok: true, xml };
}

function decode(input: string | Buffer): string | undefined {
  if (typeof input === 'string') return input.replace(/^\uFEFF/, '');
  try {
    // ignoreBOM false: a leading byte order mark is dropped, the XML reader would choke on it.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(input);
  } catch {
    return undefined;
  }
}

/**
 * Comments and CDATA sections may quote markup (an HTML mail template in a documentation
 * element, say); they are blanked out, keeping line breaks so positions stay right.
 */
function blankOutCommentsAndCdata(xml: string): string {
  return xml.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g, (quoted) =>
    quoted.replace(/[^\n]/g, ' '),
  );
}

/** 1-based line and column of a string index, as editors show them. */
export function positionOf(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return { line, column: index - before.lastIndexOf('\n') };
}

function reject(message: string): GuardedDocument {
  return { ok: false, problem: { message, severity: 'error' } };
}
