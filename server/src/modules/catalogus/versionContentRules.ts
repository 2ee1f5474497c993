import { compareDurationsFrom, isDateDuration } from '../deadlines/index.js';

export interface ContentProblem {
  path: (string | number)[];
  message: string;
}

/** The fields the cross-field rules look at (structural, so any parsed version fits). */
export interface VersionContentToCheck {
  doorlooptijd: string;
  servicenorm: string | null;
  verlengingMogelijk: boolean;
  verlengingstermijn: string | null;
  beginGeldigheid: string | null;
  eindeGeldigheid: string | null;
  bpmnProcessId: string | null;
  processVersion: number | null;
  processDefinitionKey: string | null;
  statustypen: { volgnummer: number; omschrijving: string }[];
  resultaattypen: {
    omschrijving: string;
    brondatumArchiefprocedure: { afleidingswijze: string; procestermijn: string | null };
  }[];
  roltypen: { omschrijving: string }[];
  eigenschappen: { naam: string }[];
  informatieobjecttypen: { omschrijving: string }[];
}

// Durations with months have no fixed length; one fixed reference keeps the check deterministic.
const DURATION_REFERENCE = '2001-01-01';

/** Rules that span fields, reported per field so the editor can show them in place. */
export function versionContentProblems(version: VersionContentToCheck): ContentProblem[] {
  return [
    ...termProblems(version),
    ...validityProblems(version),
    ...processBindingProblems(version),
    ...duplicates(version.statustypen, 'statustypen', 'volgnummer', (s) => String(s.volgnummer)),
    ...duplicates(version.statustypen, 'statustypen', 'omschrijving', (s) => s.omschrijving),
    ...duplicates(version.resultaattypen, 'resultaattypen', 'omschrijving', (r) => r.omschrijving),
    ...brondatumProblems(version),
    ...duplicates(version.roltypen, 'roltypen', 'omschrijving', (r) => r.omschrijving),
    ...duplicates(version.eigenschappen, 'eigenschappen', 'naam', (e) => e.naam),
    ...duplicates(
      version.informatieobjecttypen,
      'informatieobjecttypen',
      'omschrijving',
      (i) => i.omschrijving,
    ),
  ];
}

function termProblems(version: VersionContentToCheck): ContentProblem[] {
  const problems: ContentProblem[] = [];
  if (version.verlengingstermijn !== null && !version.verlengingMogelijk) {
    problems.push({
      path: ['verlengingstermijn'],
      message: 'only allowed when verlengingMogelijk is true; remove it or allow verlenging',
    });
  }
  if (version.verlengingstermijn === null && version.verlengingMogelijk) {
    problems.push({
      path: ['verlengingstermijn'],
      message: 'required when verlengingMogelijk is true, e.g. P6W',
    });
  }
  const { servicenorm, doorlooptijd } = version;
  if (
    servicenorm !== null &&
    isDateDuration(servicenorm) &&
    isDateDuration(doorlooptijd) &&
    compareDurationsFrom(DURATION_REFERENCE, servicenorm, doorlooptijd) > 0
  ) {
    problems.push({
      path: ['servicenorm'],
      message: `${servicenorm} is longer than the doorlooptijd ${doorlooptijd}; the servicenorm is the organisation's own, shorter norm`,
    });
  }
  return problems;
}

function validityProblems(version: VersionContentToCheck): ContentProblem[] {
  const { beginGeldigheid, eindeGeldigheid } = version;
  if (eindeGeldigheid === null) return [];
  if (beginGeldigheid === null) {
    return [
      {
        path: ['eindeGeldigheid'],
        message: 'set beginGeldigheid too, or leave eindeGeldigheid empty',
      },
    ];
  }
  if (eindeGeldigheid < beginGeldigheid) {
    return [
      {
        path: ['eindeGeldigheid'],
        message: `${eindeGeldigheid} is before beginGeldigheid ${beginGeldigheid}`,
      },
    ];
  }
  return [];
}

function processBindingProblems(version: VersionContentToCheck): ContentProblem[] {
  if (version.bpmnProcessId !== null) return [];
  const problems: ContentProblem[] = [];
  for (const field of ['processVersion', 'processDefinitionKey'] as const) {
    if (version[field] !== null)
      problems.push({ path: [field], message: 'set bpmnProcessId as well' });
  }
  return problems;
}

function brondatumProblems(version: VersionContentToCheck): ContentProblem[] {
  const problems: ContentProblem[] = [];
  version.resultaattypen.forEach(({ brondatumArchiefprocedure: brondatum }, index) => {
    const path = ['resultaattypen', index, 'brondatumArchiefprocedure', 'procestermijn'];
    if (brondatum.afleidingswijze === 'termijn' && brondatum.procestermijn === null) {
      problems.push({ path, message: 'required when afleidingswijze is termijn, e.g. P5Y' });
    }
    if (brondatum.afleidingswijze !== 'termijn' && brondatum.procestermijn !== null) {
      problems.push({ path, message: 'only used when afleidingswijze is termijn; remove it' });
    }
  });
  return problems;
}

/** Names compare case-insensitively: "In behandeling" and "in behandeling" would confuse everyone. */
function duplicates<T>(
  items: T[],
  list: string,
  field: string,
  keyOf: (item: T) => string,
): ContentProblem[] {
  const firstIndex = new Map<string, number>();
  const problems: ContentProblem[] = [];
  items.forEach((item, index) => {
    const key = keyOf(item).trim().toLowerCase();
    const first = firstIndex.get(key);
    if (first === undefined) {
      firstIndex.set(key, index);
    } else {
      problems.push({
        path: [list, index, field],
        message: `"${keyOf(item)}" is already used by ${list}[${first}]; each ${field} must be unique`,
      });
    }
  });
  return problems;
}
