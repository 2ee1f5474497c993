import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { eindstatusOf } from './eindstatus.js';
import { loadZaaktypeFromJson } from './loadZaaktypeFromJson.js';
import { completenessProblems, modelProblems } from './publishRules.js';
import type { ZaaktypeVersion } from './types.js';

const input = loadZaaktypeFromJson(
  readFileSync(new URL('./fixtures/omgevingsvergunning.zaaktype.json', import.meta.url), 'utf8'),
);
const withIds = <T>(items: T[]) => items.map((item, index) => ({ ...item, id: `id-${index}` }));
const version: ZaaktypeVersion = {
  ...input,
  versiedatum: '2026-01-05',
  id: 'v1',
  versie: 1,
  status: 'concept',
  statustypen: withIds(input.statustypen),
  resultaattypen: withIds(input.resultaattypen),
  roltypen: withIds(input.roltypen),
  eigenschappen: withIds(input.eigenschappen),
  informatieobjecttypen: withIds(input.informatieobjecttypen),
  createdBy: null,
  updatedBy: null,
  publishedBy: null,
  createdAt: '2026-01-05T10:00:00.000Z',
  updatedAt: '2026-01-05T10:00:00.000Z',
  publishedAt: null,
};

describe('publish rules', () => {
  it('finds nothing missing in a complete version', () => {
    expect(completenessProblems(version)).toEqual([]);
  });

  it('lists everything a bare concept lacks', () => {
    const bare = {
      ...version,
      statustypen: [],
      resultaattypen: [],
      roltypen: [],
      bpmnProcessId: null,
      processVersion: null,
    };
    expect(completenessProblems(bare).map((problem) => problem.split(':')[0])).toEqual([
      'statustypen',
      'resultaattypen',
      'roltypen',
      'bpmnProcessId',
      'processVersion',
    ]);
  });

  it('lists every status and resultaat the process uses but the catalogue lacks, with a hint for case slips', () => {
    const usage = {
      statustypen: ['Ontvangen', 'in behandeling', 'Advies gevraagd', 'Advies gevraagd'],
      resultaattypen: ['Verleend', 'Ingetrokken'],
    };
    expect(modelProblems(version, usage)).toEqual([
      'statustype "in behandeling" (did you mean "In behandeling"?) is used by process omgevingsvergunning version 1 but is not in this zaaktype version',
      'statustype "Advies gevraagd" is used by process omgevingsvergunning version 1 but is not in this zaaktype version',
      'resultaattype "Ingetrokken" is used by process omgevingsvergunning version 1 but is not in this zaaktype version',
    ]);
  });

  it('takes the highest volgnummer as the eindstatus, whatever the order', () => {
    const shuffled = {
      statustypen: [version.statustypen[4]!, version.statustypen[0]!, version.statustypen[2]!],
    };
    expect(eindstatusOf(shuffled)?.omschrijving).toBe('Afgehandeld');
    expect(eindstatusOf({ statustypen: [] })).toBeUndefined();
  });
});
