/** What is compared of a diagram element: its kind, name and everything the engine reads of it. */
export interface ElementSignature {
  id: string;
  type: string;
  name: string;
  /** A stable text of the element's settings (extension elements, conditions, events, flow ends). */
  details: string;
}

export interface ModelDiff {
  added: string[];
  removed: string[];
  changed: string[];
}

/** Elements by id: new ones, gone ones, and ones whose kind, name or settings differ. */
export function diffModels(older: ElementSignature[], newer: ElementSignature[]): ModelDiff {
  const before = new Map(older.map((element) => [element.id, element]));
  const after = new Map(newer.map((element) => [element.id, element]));
  const same = (a: ElementSignature, b: ElementSignature) =>
    a.type === b.type && a.name === b.name && a.details === b.details;
  return {
    added: newer.filter((element) => !before.has(element.id)).map((element) => element.id),
    removed: older.filter((element) => !after.has(element.id)).map((element) => element.id),
    changed: newer
      .filter((element) => {
        const previous = before.get(element.id);
        return previous !== undefined && !same(previous, element);
      })
      .map((element) => element.id),
  };
}

/** A moddle business object, as far as the signature needs it. */
export interface BusinessObject {
  id: string;
  $type: string;
  name?: string;
  [key: string]: unknown;
}

/** Keys of moddle objects that point back up or sideways; following them would loop. */
const skipped = new Set([
  '$parent',
  '$descriptor',
  '$model',
  '$attrs',
  'di',
  'incoming',
  'outgoing',
  'flowElements',
  'artifacts',
  'laneSets',
  'lanes',
  'children',
  'attachers',
]);

/** Plain data of a moddle object: references become their id, cycles are cut. */
function plain(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (depth > 6) return '…';
  if (Array.isArray(value)) return value.map((item) => plain(item, depth + 1));
  const object = value as Record<string, unknown>;
  const result: Record<string, unknown> = {};
  if (typeof object.$type === 'string') result.$type = object.$type;
  for (const key of Object.keys(object).sort()) {
    if (skipped.has(key) || key === '$type' || key === 'id' || key === 'name') continue;
    const entry = object[key];
    // References to other elements (sourceRef, attachedToRef, …) by id only.
    if (key.endsWith('Ref') && entry && typeof entry === 'object' && 'id' in entry)
      result[key] = entry.id;
    else result[key] = plain(entry, depth + 1);
  }
  return result;
}

export function signatureOf(element: BusinessObject): ElementSignature {
  return {
    id: element.id,
    type: element.$type,
    name: element.name ?? '',
    details: JSON.stringify(plain(element)),
  };
}
