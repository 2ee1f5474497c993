import type { Knex } from 'knex';
import type { Vertrouwelijkheidaanduiding } from '../catalogus/index.js';

/** Zaaktype authorisations; the catalogue's AuthorisationService fits. */
export interface ZaakAuthorisation {
  mayView(
    groups: string[],
    identificatie: string,
    vertrouwelijkheidaanduiding: Vertrouwelijkheidaanduiding,
    db?: Knex,
  ): Promise<boolean>;
}

/** What a signalering needs of its zaak: the words for the text and the facts for authorisation. */
export interface ZaakFacts {
  id: string;
  identificatie: string;
  omschrijving: string;
  zaaktype: string;
  vertrouwelijkheidaanduiding: Vertrouwelijkheidaanduiding;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findZaak(db: Knex, zaakId: string | null | undefined): Promise<ZaakFacts | undefined> {
  if (!zaakId || !uuidPattern.test(zaakId)) return undefined;
  const row = await db('zaken')
    .where({ id: zaakId })
    .first<
      | { id: string; identificatie: string; omschrijving: string; zaaktype_identificatie: string; vertrouwelijkheidaanduiding: Vertrouwelijkheidaanduiding }
      | undefined
    >('id', 'identificatie', 'omschrijving', 'zaaktype_identificatie', 'vertrouwelijkheidaanduiding');
  return row && { ...row, zaaktype: row.zaaktype_identificatie };
}

/** Active accounts in a group (afdeling). */
export async function groupMembers(db: Knex, groupCode: string): Promise<string[]> {
  const rows = await db('auth_group_members as m')
    .join('auth_accounts as a', 'a.id', 'm.account_id')
    .where({ 'm.group_code': groupCode, 'a.active': true })
    .select<{ username: string }[]>('a.username');
  return rows.map((row) => row.username);
}

/** The groups of each of these (active) accounts; unknown or inactive accounts are absent. */
export async function groupsOfUsers(db: Knex, usernames: readonly string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  if (usernames.length === 0) return result;
  const accounts = await db('auth_accounts')
    .whereIn('username', [...new Set(usernames)])
    .where({ active: true })
    .select<{ id: string; username: string }[]>('id', 'username');
  for (const account of accounts) result.set(account.username, []);
  const memberships = await db('auth_group_members as m')
    .join('auth_accounts as a', 'a.id', 'm.account_id')
    .whereIn('a.username', accounts.map((account) => account.username))
    .select<{ username: string; group_code: string }[]>('a.username', 'm.group_code');
  for (const membership of memberships) result.get(membership.username)?.push(membership.group_code);
  return result;
}

/** Employees with the behandelaar rol on the zaak: "my zaak". */
export async function zaakBehandelaars(db: Knex, zaakId: string): Promise<string[]> {
  const rows = await db('zaak_rollen')
    .where({ zaak_id: zaakId, omschrijving_generiek: 'behandelaar', betrokkene_type: 'medewerker' })
    .distinct<{ medewerker_username: string }[]>('medewerker_username');
  return rows.map((row) => row.medewerker_username);
}

/**
 * Keeps the users who exist, are active and may see the zaak (when there is one): nobody is told
 * about a zaak they are not authorised for.
 */
export async function whoMaySee(
  db: Knex,
  authorisation: ZaakAuthorisation,
  usernames: readonly string[],
  zaak: ZaakFacts | undefined,
): Promise<string[]> {
  const groups = await groupsOfUsers(db, usernames);
  const allowed: string[] = [];
  for (const [username, userGroups] of groups) {
    if (!zaak || (await authorisation.mayView(userGroups, zaak.zaaktype, zaak.vertrouwelijkheidaanduiding, db))) {
      allowed.push(username);
    }
  }
  return allowed;
}
