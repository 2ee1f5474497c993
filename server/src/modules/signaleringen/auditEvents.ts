import type { Knex } from 'knex';
import { isProefrunZaak } from '../zaken/index.js';
import type { SignaleringEventType } from './eventTypes.js';
import { findZaak, groupMembers, zaakBehandelaars, type ZaakFacts } from './recipients.js';

/** An audit entry as the feed reads it. */
export interface FeedEntry {
  id: string;
  action: string;
  resourceId: string;
  zaakId: string | null;
  actorName: string;
  newValue: unknown;
}

/** Who should hear about one entry, before the authorisation check. */
export interface Notice {
  eventType: SignaleringEventType;
  usernames: string[];
  subjectType: 'zaak' | 'taak';
  subjectId: string;
  zaak: ZaakFacts | undefined;
  tekst: string;
}

/**
 * Turns one audit entry into notices: a task created for someone or some group, a task assigned by
 * a coordinator, a behandelaar rol on a zaak, a zaak handed to a group, a document on a zaak. Whoever
 * made the change is not told about it.
 */
export async function noticesFor(db: Knex, entry: FeedEntry): Promise<Notice[]> {
  // A proefrun is the beheerder's own test: nobody is told about it.
  if (await isProefrunZaak(db, entry.zaakId)) return [];
  const notices = await derive(db, entry);
  return notices
    .map((notice) => ({ ...notice, usernames: [...new Set(notice.usernames)].filter((u) => u !== entry.actorName) }))
    .filter((notice) => notice.usernames.length > 0);
}

async function derive(db: Knex, entry: FeedEntry): Promise<Notice[]> {
  const value = asRecord(entry.newValue);
  switch (entry.action) {
    case 'taak.aangemaakt':
      return taakCreated(db, entry);
    case 'taak.toegewezen': {
      const assignee = stringOf(value.assignee);
      if (!assignee) return [];
      const taak = await findTaak(db, entry.resourceId);
      if (!taak) return [];
      const zaak = await findZaak(db, taak.zaak_id);
      return [taakNotice('taak_toegewezen_mij', [assignee], taak, zaak, 'is aan u toegewezen')];
    }
    case 'zaak.rol_toegevoegd': {
      const betrokkene = asRecord(value.betrokkene);
      const username = stringOf(betrokkene.username);
      if (value.omschrijvingGeneriek !== 'behandelaar' || betrokkene.type !== 'medewerker' || !username) return [];
      return zaakAssigned(db, entry.zaakId, [username], 'zaak_toegewezen_mij', 'is aan u toegewezen');
    }
    case 'zaak.toegewezen': {
      // Verdelen: a zaak handed to a group and/or a behandelaar ({ groep, behandelaar }).
      const notices: Notice[] = [];
      const behandelaar = stringOf(value.behandelaar);
      const groep = stringOf(value.groep);
      if (behandelaar) notices.push(...(await zaakAssigned(db, entry.zaakId, [behandelaar], 'zaak_toegewezen_mij', 'is aan u toegewezen')));
      if (groep) {
        const members = await groupMembers(db, groep);
        notices.push(...(await zaakAssigned(db, entry.zaakId, members, 'zaak_toegewezen_groep', `is aan uw groep ${groep} toegewezen`)));
      }
      return notices;
    }
    case 'document.toegevoegd': {
      const zaak = await findZaak(db, entry.zaakId);
      if (!zaak) return [];
      const titel = stringOf(value.titel) ?? stringOf(value.bestandsnaam) ?? 'Een document';
      return [
        {
          eventType: 'document_toegevoegd',
          usernames: await zaakBehandelaars(db, zaak.id),
          subjectType: 'zaak',
          subjectId: zaak.id,
          zaak,
          tekst: `Document "${titel}" is toegevoegd aan zaak ${zaak.identificatie} (${zaak.omschrijving})`,
        },
      ];
    }
    default:
      return [];
  }
}

interface TaakFacts {
  id: string;
  name: string;
  zaak_id: string | null;
  assignee: string | null;
  candidate_groups: string[];
  candidate_users: string[];
}

function findTaak(db: Knex, id: string): Promise<TaakFacts | undefined> {
  return db('taken')
    .where({ id })
    .first<TaakFacts | undefined>('id', 'name', 'zaak_id', 'assignee', 'candidate_groups', 'candidate_users');
}

async function taakCreated(db: Knex, entry: FeedEntry): Promise<Notice[]> {
  const taak = await findTaak(db, entry.resourceId);
  if (!taak) return [];
  const zaak = await findZaak(db, taak.zaak_id);
  const notices: Notice[] = [];
  const personal = taak.assignee ? [taak.assignee] : taak.candidate_users;
  if (personal.length > 0) notices.push(taakNotice('taak_toegewezen_mij', personal, taak, zaak, 'is aan u toegewezen'));
  if (!taak.assignee) {
    for (const group of taak.candidate_groups) {
      const members = await groupMembers(db, group);
      notices.push(taakNotice('taak_toegewezen_groep', members, taak, zaak, `is aan uw groep ${group} toegewezen`));
    }
  }
  return notices;
}

function taakNotice(
  eventType: SignaleringEventType,
  usernames: string[],
  taak: TaakFacts,
  zaak: ZaakFacts | undefined,
  what: string,
): Notice {
  const van = zaak ? ` van zaak ${zaak.identificatie}` : '';
  return { eventType, usernames, subjectType: 'taak', subjectId: taak.id, zaak, tekst: `Taak "${taak.name}"${van} ${what}` };
}

async function zaakAssigned(
  db: Knex,
  zaakId: string | null,
  usernames: string[],
  eventType: SignaleringEventType,
  what: string,
): Promise<Notice[]> {
  const zaak = await findZaak(db, zaakId);
  if (!zaak) return [];
  return [{ eventType, usernames, subjectType: 'zaak', subjectId: zaak.id, zaak, tekst: `Zaak ${zaak.identificatie} (${zaak.omschrijving}) ${what}` }];
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
