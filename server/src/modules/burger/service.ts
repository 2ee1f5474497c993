import type { Knex } from 'knex';
import { NotFoundError } from '../../http/errors.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import type { ZaaktypeVersion } from '../catalogus/index.js';
import type { DocumentService } from '../documenten/index.js';
import { todayInNetherlands } from '../deadlines/index.js';
import { hervatten, opschorten, type Caller, type ZaakDetail, type ZaakService } from '../zaken/index.js';
import type { MailTransport } from '@zaakstroom/workers';
import { informatieverzoekMail, statusLinkMail, type BurgerMailContent } from './burgerMail.js';
import { InformatieverzoekRepository, type Informatieverzoek } from './informatieverzoekRepository.js';
import { publicViewOf, type PublicZaakView } from './publicView.js';
import { StatusLinkRepository } from './statusLinkRepository.js';
import { looksLikeStatusToken, newStatusToken, statusTokenHash } from './statusToken.js';
import type { InformatieverzoekInput } from './schemas.js';

export const OPSCHORTING_REDEN = 'Wachten op aanvullende gegevens van de aanvrager';

/** The Zeebe client's publishMessage, as far as the citizen's upload needs it. */
export interface MessagePublisher {
  publishMessage(message: {
    name: string;
    correlationKey: string;
    messageId: string;
    timeToLive: number;
    variables: Record<string, Record<string, string>>;
  }): Promise<unknown>;
}

export interface BurgerServiceOptions {
  db: Knex;
  zaken: Pick<ZaakService, 'get' | 'find' | 'act'>;
  catalogus: { getVersion(identificatie: string, versie: number): Promise<ZaaktypeVersion> };
  documenten: Pick<DocumentService, 'add'>;
  mail: MailTransport;
  messages: MessagePublisher;
  /** Base of the links in mails (PUBLIC_URL, else the server's own URL). */
  publicUrl: () => string;
  /** Validity of a link while the zaak has no archiefactiedatum (STATUSLINK_DAYS). */
  linkDays: number;
  now?: () => Date;
}

/** The citizen is nobody's account: their actions go through the zaken module as this service. */
const burgerActor: AuditActor = { type: 'system', id: null, name: 'burger (statuspagina)' };
const burgerCaller = (requestId: string): Caller => ({
  actor: { kind: 'service', id: 'burger', username: 'burger', roles: ['service'], groups: [] },
  audit: { actor: burgerActor, requestId },
});

/** Every failure to find a link answers this, so wrong, revoked and expired look the same. */
export const notFound = () => new NotFoundError('Niet gevonden');

export interface CitizenUpload {
  path: string;
  originalName: string;
  declaredType: string | undefined;
}

/**
 * The citizen's side of a zaak: status links (only their hash is kept), the public view,
 * information requests and the answers to them.
 */
export class BurgerService {
  private readonly now: () => Date;

  constructor(private readonly options: BurgerServiceOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /** At intake: a link for an initiator with an e-mail address, by mail. Never fails the intake. */
  async onZaakCreated(zaak: ZaakDetail, requestId: string): Promise<void> {
    await this.issueLink(zaak, 'intake', burgerCaller(requestId).audit.actor, requestId);
  }

  /**
   * The intake links a server did not get to: zaken of the last two days without one (their server
   * stopped between intake and link), and links whose mail never went out (stopped before sending;
   * revoked, since nobody has their token, and made anew). Every server may run this: the unique
   * live intake link per zaak and the revoke-as-claim make each happen once.
   */
  async sweepIntakeLinks(options: { graceMs: number; limit: number }): Promise<number> {
    const links = new StatusLinkRepository(this.options.db);
    const zaakIds = [
      ...(await links.revokeUnmailedIntakeLinks(options.graceMs)),
      ...(await links.zakenWithoutIntakeLink(options.graceMs, options.limit)),
    ];
    let sent = 0;
    for (const zaakId of new Set(zaakIds)) {
      const caller = burgerCaller('intake-sweep');
      const zaak = await this.options.zaken.get(zaakId, caller);
      if (await this.issueLink(zaak, 'intake', caller.audit.actor, caller.audit.requestId)) sent++;
    }
    return sent;
  }

  /** The zaak a token opens, or 404: unknown, revoked, expired or past the archiefactiedatum. */
  async resolve(token: string): Promise<string> {
    if (!looksLikeStatusToken(token)) throw notFound();
    const link = await new StatusLinkRepository(this.options.db).findByHash(statusTokenHash(token));
    const now = this.now();
    if (!link || link.revokedAt !== null) throw notFound();
    // A closed zaak with an archiefactiedatum: the link lives until then; otherwise STATUSLINK_DAYS.
    const zaak = await this.options.zaken.get(link.zaakId, burgerCaller('status'));
    const expired = zaak.archiefactiedatum !== null ? zaak.archiefactiedatum <= todayInNetherlands(now) : link.expiresAt <= now;
    if (expired) throw notFound();
    return link.zaakId;
  }

  async publicView(token: string, requestId: string): Promise<PublicZaakView> {
    const zaakId = await this.resolve(token);
    const zaak = await this.options.zaken.get(zaakId, burgerCaller(requestId));
    const version = await this.options.catalogus.getVersion(zaak.zaaktype.identificatie, zaak.zaaktype.versie);
    const verzoeken = await new InformatieverzoekRepository(this.options.db).listByZaak(zaakId, 'open');
    await this.audit(zaakId, 'burger.statuspagina_bekeken', null, null, requestId);
    return publicViewOf(zaak, version, verzoeken);
  }

  /**
   * The worker's call: records what is asked and suspends the zaak (unless it already stands
   * still), in one transaction; then mails the citizen. Once per Idempotency-Key.
   */
  async requestInformation(zaakId: string, input: InformatieverzoekInput, idempotencyKey: string | null, caller: Caller): Promise<{ created: boolean; verzoek: Informatieverzoek }> {
    let result: { created: boolean; verzoek: Informatieverzoek } | undefined;
    const zaak = await this.options.zaken.act(zaakId, caller, async (context) => {
      result = await new InformatieverzoekRepository(context.trx).insert({
        zaakId,
        omschrijving: input.omschrijving,
        berichtNaam: input.berichtNaam,
        correlatieSleutel: input.correlatieSleutel,
        uiterlijkeDatum: input.uiterlijkeDatum ?? null,
        createdBy: caller.actor.username,
        idempotencyKey,
      });
      if (!result.created) return;
      if (!context.zaak.opschorting_indicatie) await opschorten(context, { reden: OPSCHORTING_REDEN });
      await context.audit('burger.informatie_gevraagd', null, { id: result.verzoek.id, omschrijving: input.omschrijving, uiterlijkeDatum: input.uiterlijkeDatum ?? null });
    });
    if (!result) throw new Error('informatieverzoek was not stored');
    if (result.created) {
      const verzoek = result.verzoek;
      await this.issueLink(zaak, { verzoek }, caller.audit.actor, caller.audit.requestId);
    }
    return result;
  }

  /**
   * The citizen's answer: stores the file as a document of the zaak (checked like any upload),
   * then, in one transaction, marks the request answered and resumes the zaak; then publishes
   * the model's message. A second submit of the same request changes nothing.
   */
  async answer(token: string, verzoekId: string, file: CitizenUpload, requestId: string): Promise<{ alreadyAnswered: boolean }> {
    const zaakId = await this.resolve(token);
    const verzoeken = new InformatieverzoekRepository(this.options.db);
    const verzoek = await verzoeken.find(verzoekId);
    if (!verzoek || verzoek.zaakId !== zaakId) throw notFound();
    if (verzoek.status !== 'open') return { alreadyAnswered: true };
    const caller = burgerCaller(requestId);
    const zaak = await this.options.zaken.get(zaakId, caller);
    // Closed (e.g. buiten behandeling after the hersteltermijn): the process no longer waits for it.
    if (zaak.einddatum !== null) throw notFound();
    const version = await this.options.catalogus.getVersion(zaak.zaaktype.identificatie, zaak.zaaktype.versie);
    const { document } = await this.options.documenten.add(
      zaakId,
      file,
      {
        titel: `Aanvullende gegevens: ${verzoek.omschrijving}`.slice(0, 200),
        informatieobjecttype: citizenDocumentType(version),
        auteur: 'Aanvrager (via statuspagina)',
      },
      `verzoek-${verzoek.id}`,
      caller,
    );
    let claimed = false;
    await this.options.zaken.act(zaakId, caller, async (context) => {
      claimed = await new InformatieverzoekRepository(context.trx).markAnswered(verzoek.id, document.id, this.now());
      if (!claimed) return;
      if (context.zaak.opschorting_indicatie) await hervatten(context);
      await context.audit('burger.informatie_aangeleverd', { id: verzoek.id, status: 'open' }, { id: verzoek.id, status: 'beantwoord', document: document.id });
    });
    if (!claimed) return { alreadyAnswered: true };
    try {
      // Buffered for an hour in case the process has not reached its catch event yet; the
      // messageId keeps a repeated publish from counting twice.
      await this.options.messages.publishMessage({
        name: verzoek.berichtNaam,
        correlationKey: verzoek.correlatieSleutel,
        messageId: `informatieverzoek-${verzoek.id}`,
        timeToLive: 3_600_000,
        variables: { informatieverzoek: { id: verzoek.id, document: document.id } },
      });
    } catch (error) {
      if (isAlreadyPublished(error)) return { alreadyAnswered: false };
      // The document and the resumption stay (both are idempotent); the request opens again so a
      // new submit publishes once more.
      await verzoeken.reopen(verzoek.id);
      throw error;
    }
    return { alreadyAnswered: false };
  }

  /** For the zaak page: is there a link, and which requests are open. No tokens, ever. */
  async staffOverview(zaakId: string, caller: Caller) {
    const zaak = await this.options.zaken.get(zaakId, caller);
    const links = await new StatusLinkRepository(this.options.db).listByZaak(zaakId);
    const now = this.now();
    const active = links.find((link) => link.revokedAt === null && link.expiresAt > now);
    const verzoeken = await new InformatieverzoekRepository(this.options.db).listByZaak(zaakId);
    return {
      initiatorHeeftEmail: initiatorEmail(zaak) !== null,
      statuslink: active ? { aangemaakt: active.createdAt.toISOString(), verloopt: active.expiresAt.toISOString() } : null,
      informatieverzoeken: verzoeken.map((verzoek) => ({
        id: verzoek.id,
        omschrijving: verzoek.omschrijving,
        uiterlijkeDatum: verzoek.uiterlijkeDatum,
        status: verzoek.status,
        gevraagd: verzoek.createdAt.toISOString(),
        beantwoord: verzoek.beantwoordAt?.toISOString() ?? null,
        document: verzoek.documentId,
      })),
    };
  }

  /** Coordinators: every link of the zaak stops working at once. */
  async revoke(zaakId: string, caller: Caller): Promise<number> {
    let revoked = 0;
    await this.options.zaken.act(zaakId, caller, async (context) => {
      revoked = await new StatusLinkRepository(context.trx).revokeAll(zaakId, caller.actor.username, this.now());
      if (revoked > 0) await context.audit('burger.statuslink_ingetrokken', { actief: revoked }, { actief: 0 });
    });
    return revoked;
  }

  /** Coordinators: revoke the old links and mail a new one (e.g. the old mail went astray). */
  async renew(zaakId: string, caller: Caller): Promise<boolean> {
    await this.revoke(zaakId, caller);
    const zaak = await this.options.zaken.get(zaakId, caller);
    return this.issueLink(zaak, 'nieuw', caller.audit.actor, caller.audit.requestId);
  }

  private async issueLink(zaak: ZaakDetail, reason: 'intake' | 'nieuw' | { verzoek: Informatieverzoek }, actor: AuditActor, requestId: string): Promise<boolean> {
    const email = initiatorEmail(zaak);
    // A proefrun's initiator is made up by the beheerder: no citizen gets a link or a mail.
    if (!email || zaak.proefrun) return false;
    const token = newStatusToken();
    const expiresAt = new Date(this.now().getTime() + this.options.linkDays * 86_400_000);
    const links = new StatusLinkRepository(this.options.db);
    const linkId = await links.insert({ zaakId: zaak.id, tokenHash: statusTokenHash(token), email, expiresAt, createdBy: actor.name, intake: reason === 'intake' });
    if (!linkId) return false; // another server made this zaak's intake link
    await this.audit(zaak.id, 'burger.statuslink_aangemaakt', null, { id: linkId, verloopt: expiresAt.toISOString() }, requestId, actor);
    const version = await this.options.catalogus.getVersion(zaak.zaaktype.identificatie, zaak.zaaktype.versie);
    const link = `${this.options.publicUrl().replace(/\/+$/, '')}/status/${token}`;
    const about = { zaaktype: version.omschrijving, identificatie: zaak.identificatie };
    const content: BurgerMailContent = typeof reason === 'object' ? informatieverzoekMail(about, reason.verzoek, link) : statusLinkMail(about, link);
    await this.options.mail.send({ to: [email], ...content, idempotencyKey: `statuslink-${linkId}` });
    await links.markMailed(linkId);
    return true;
  }

  private async audit(zaakId: string, action: string, oldValue: unknown, newValue: unknown, requestId: string, actor: AuditActor = burgerActor): Promise<void> {
    await recordAudit(this.options.db, { actor, requestId, action, resourceType: 'zaak', resourceId: zaakId, zaakId, oldValue, newValue });
  }
}

/** gRPC ALREADY_EXISTS: an earlier attempt did publish (its answer got lost on the way). */
function isAlreadyPublished(error: unknown): boolean {
  return typeof error === 'object' && error !== null && ((error as { code?: unknown }).code === 6 || /ALREADY_EXISTS/.test(String((error as { message?: unknown }).message)));
}

function initiatorEmail(zaak: ZaakDetail): string | null {
  const initiator = zaak.rollen.find((rol) => rol.omschrijvingGeneriek === 'initiator');
  return initiator?.betrokkene.email ?? null;
}

/** A citizen's file goes under the zaaktype's type for supplements when it has one. */
function citizenDocumentType(version: Pick<ZaaktypeVersion, 'informatieobjecttypen'>): string {
  const types = version.informatieobjecttypen;
  const fitting = types.find((type) => /aanvull/i.test(type.omschrijving)) ?? types.find((type) => /aanvraag/i.test(type.omschrijving)) ?? types[0];
  return fitting?.omschrijving ?? 'Aanvullende gegevens';
}
