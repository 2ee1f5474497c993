import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { readConfig } from '../../../config.js';
import { createLogger } from '../../../logging.js';
import { startServer, type RunningServer } from '../../../server.js';
import { createTestDatabase, type TestDatabase } from '../../../testing/testDatabase.js';
import { untilWith } from '../../../testing/until.js';
import { zeebeClientFor, type ZeebeClient } from '../../zeebeClient.js';
import { startSmtpPeer, type ReceivedMail } from '../../../testing/smtpPeer.js';
import { startEngineProcess, type EngineProcess } from '../../../bench/engineProcess.js';
import { startServerProcess, type ServerProcess } from '../../../bench/serverProcess.js';
import { externalEngineSettings, processStores } from '../../../testing/processStores.js';

/** A zaak as GET /api/zaken/:id answers it, as far as these tests read it. */
export interface Zaak {
  id: string;
  identificatie: string;
  startdatum: string;
  einddatumGepland: string | null;
  uiterlijkeEinddatumAfdoening: string;
  einddatum: string | null;
  archiefactiedatum: string | null;
  opschorting: { indicatie: boolean; reden: string | null };
  verlenging: { duur: string; reden: string; datum: string } | null;
  statussen: { statustype: string; volgnummer: number }[];
  resultaat: { resultaattype: string } | null;
  opschortingen: { van: string; tot: string | null; reden: string }[];
  processInstanceKey: string | null;
}

/** A task as GET /api/taken lists it, as far as these tests read it. */
export interface Taak {
  id: string;
  elementId: string;
  state: string;
  variables: Record<string, unknown>;
}

export type Session = <T>(
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<{ status: number; body: T }>;

/**
 * The real server (embedded engine, in-process workers, demo zaaktypen) on PGlite or on
 * TEST_DATABASE_URL, with ENGINE_CLOCK_CONTROL and a real SMTP peer: what the four zaaktype
 * tests share. Staff act through /api, time moves through /v2/clock, messages from outside
 * (a third party's zienswijze, a hersteld verzuim) arrive over gRPC like from any other system.
 */
export interface ZaaktypeUnderTest {
  identificatie: string;
  /** The zaaktype's omschrijving, as the intake mail names it. */
  omschrijving: string;
  /** The demo account in the process's candidate group: registers zaken and does their tasks. */
  behandelaar: string;
  /** The initiator's e-mail address, where the citizen's mails go. */
  initiatorEmail: string;
}

/**
 * Where the engine runs: in the server (the default), or as its own process that the server
 * reaches only through ZEEBE_ADDRESS and REST v2, as a Zeebe cluster would be.
 */
export type EngineMode = 'embedded' | 'external';

export class ZaaktypeTestServer {
  readonly until = untilWith({ timeoutMs: 30_000, intervalMs: 100 });
  /** The server in this test process (embedded engine), or its own process (external engine). */
  private server!: RunningServer;
  private serverProcess: (ServerProcess & { url: string }) | undefined;
  private smtp!: Awaited<ReturnType<typeof startSmtpPeer>>;
  private testDb: TestDatabase | undefined;
  private dataDir = '';
  private zeebe: ZeebeClient | undefined;
  private engineProcess: EngineProcess | undefined;
  private engineStorage: Awaited<ReturnType<typeof processStores>> | undefined;
  private readonly sessions = new Map<string, Session>();

  /** `config`: server settings on top of the defaults below, e.g. a known WORKER_CLIENT_SECRET. */
  constructor(
    readonly zaaktype: ZaaktypeUnderTest,
    readonly engineMode: EngineMode = 'embedded',
    private readonly config: Record<string, string> = {},
  ) {}

  get url(): string {
    return this.serverProcess?.url ?? this.server.url;
  }

  /** The server's own database handle, for tests that count in SQL what the API reports. */
  get db(): RunningServer['db'] {
    if (this.serverProcess) throw new Error('db: the server runs as its own process here');
    return this.server.db;
  }

  async start(): Promise<void> {
    this.dataDir = await mkdtemp(join(tmpdir(), 'zs-zaaktype-'));
    this.smtp = await startSmtpPeer();
    this.testDb = process.env.TEST_DATABASE_URL
      ? await createTestDatabase({ migrate: false })
      : undefined;
    const settings = {
      DATA_DIR: this.dataDir,
      DATABASE_URL: this.testDb?.url ?? '',
      ENGINE_CLOCK_CONTROL: 'true',
      SMTP_URL: this.smtp.url,
      // A task whose element the process interrupted (a withdrawal) leaves the task list soon.
      TASK_RECONCILE_INTERVAL_SECONDS: '1',
    };
    if (this.engineMode === 'external') return this.startWithEngineProcess(settings);
    const config = readConfig({
      ...settings,
      PORT: '0',
      HOST: '127.0.0.1',
      ZEEBE_GATEWAY_PORT: '0',
      LOG_LEVEL: 'silent',
      ...this.config,
    });
    this.server = await startServer(config, createLogger(config.LOG_LEVEL));
    this.zeebe = zeebeClientFor(`127.0.0.1:${this.server.engine!.grpc.port}`);
  }

  /**
   * The engine as its own process on storage of its own, and the server as another process
   * that reaches it only through the SDK's ZEEBE_* settings and REST v2, as an operator runs it.
   */
  private async startWithEngineProcess(settings: Record<string, string>): Promise<void> {
    this.engineStorage = await processStores('zaaktype-engine', 1);
    this.engineProcess = await startEngineProcess({
      ...this.engineStorage.stores[0]!.env,
      ENGINE_CLOCK_CONTROL: 'true',
    });
    this.serverProcess = await startServerProcess({
      ...settings,
      ...externalEngineSettings(this.engineProcess),
      WORKER_CLIENT_SECRET: 'zaaktype-test-worker-secret-0123456789',
      ...this.config,
    });
    this.zeebe = zeebeClientFor(this.engineProcess.gatewayAddress);
  }

  async close(): Promise<void> {
    await this.zeebe?.close();
    await this.server?.close();
    this.serverProcess?.kill();
    await this.serverProcess?.exited;
    await this.engineProcess?.stop();
    await this.engineStorage?.cleanup();
    await this.smtp?.close();
    await this.testDb?.destroy();
    if (this.dataDir) await rm(this.dataDir, { recursive: true, force: true });
  }

  /** A signed-in account (a demo one: password 'demo'); one session per account for the whole file. */
  async as(username: string, password = 'demo'): Promise<Session> {
    const known = this.sessions.get(username);
    if (known) return known;
    const login = await fetch(`${this.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    expect(login.status, `login as ${username}`).toBe(200);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const cookie = login.headers
      .getSetCookie()
      .map((value) => value.split(';')[0])
      .join('; ');
    const session: Session = async (method, path, body, headers = {}) => {
      const response = await fetch(`${this.url}${path}`, {
        method,
        headers: {
          cookie,
          'x-csrf-token': csrfToken,
          'content-type': 'application/json',
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : {}) as never };
    };
    this.sessions.set(username, session);
    return session;
  }

  /** Fails a job over gRPC with no retries left, as a broken worker would: an incident. */
  async failJobWithoutRetries(jobKey: string, errorMessage: string): Promise<void> {
    if (!this.zeebe) throw new Error('failJobWithoutRetries: start() the server first');
    await this.zeebe.failJob({ jobKey, retries: 0, errorMessage });
  }

  /** Pins the engine clock (and so the platform's today) at an instant, e.g. '2031-03-03T09:00:00+01:00'. */
  async pinClock(instant: string): Promise<void> {
    const coordinator = await this.as('coordinator');
    const pinned = await coordinator('PUT', '/v2/clock', { timestamp: Date.parse(instant) });
    expect(pinned.status, JSON.stringify(pinned.body)).toBe(204);
  }

  /** Moves the engine clock by an ISO 8601 duration: due timers fire, deadlines count from the new today. */
  async moveClock(duration: string): Promise<void> {
    const coordinator = await this.as('coordinator');
    const moved = await coordinator('POST', '/v2/clock/add', { duration });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
  }

  /**
   * Registers a zaak of this zaaktype on `instant` (the engine clock is pinned there first), as
   * the behandelaar, and checks the intake mail with the status link reached the initiator.
   */
  async register(instant: string, omschrijving: string): Promise<Zaak> {
    await this.pinClock(instant);
    const { identificatie: zaaktype, behandelaar, initiatorEmail } = this.zaaktype;
    const body = {
      zaaktype,
      omschrijving,
      initiator: {
        type: 'natuurlijk_persoon',
        bsn: '999993653',
        naam: 'J. Jansen',
        email: initiatorEmail,
      },
    };
    const created = await (
      await this.as(behandelaar)
    )<Zaak>('POST', '/api/zaken', body, { 'idempotency-key': crypto.randomUUID() });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    await this.expectStatusLinkMail(created.body);
    return created.body;
  }

  async zaak(id: string): Promise<Zaak> {
    const read = await (await this.as('coordinator'))<Zaak>('GET', `/api/zaken/${id}`);
    expect(read.status, JSON.stringify(read.body)).toBe(200);
    return read.body;
  }

  /** Waits until the zaak satisfies `ready` (the workers run asynchronously), and answers it. */
  untilZaak(id: string, what: string, ready: (zaak: Zaak) => boolean): Promise<Zaak> {
    return this.until(async () => {
      const zaak = await this.zaak(id);
      return ready(zaak) ? zaak : undefined;
    }, what);
  }

  untilStatus(id: string, statustype: string): Promise<Zaak> {
    return this.untilZaak(id, `status ${statustype}`, (zaak) =>
      zaak.statussen.some((s) => s.statustype === statustype),
    );
  }

  untilClosed(id: string): Promise<Zaak> {
    return this.untilZaak(id, 'the zaak to close', (zaak) => zaak.einddatum !== null);
  }

  /** Waits for the zaak's open task at `elementId`; `username` claims and completes it with `variables`. */
  doTask(
    zaakId: string,
    elementId: string,
    variables: Record<string, unknown>,
    username = this.zaaktype.behandelaar,
  ): Promise<void> {
    return this.doTaskWhere(zaakId, elementId, {}, variables, username);
  }

  /**
   * As doTask, for the task at `elementId` whose variables include `match`: one instance of a
   * multi-instance task, e.g. `{ adviseur: 'brandweer' }`.
   */
  async doTaskWhere(
    zaakId: string,
    elementId: string,
    match: Record<string, unknown>,
    variables: Record<string, unknown>,
    username = this.zaaktype.behandelaar,
  ): Promise<void> {
    const call = await this.as(username);
    const matches = (taskVariables: Record<string, unknown>) =>
      Object.entries(match).every(([name, value]) => taskVariables[name] === value);
    const taak = await this.until(
      async () => {
        const page = await call<{ taken: Taak[] }>(
          'GET',
          `/api/taken?scope=group&zaakId=${zaakId}`,
        );
        expect(page.status, JSON.stringify(page.body)).toBe(200);
        return page.body.taken.find((t) => t.elementId === elementId && matches(t.variables));
      },
      `task ${elementId} ${JSON.stringify(match)} for ${username}`,
    );
    const claimed = await call('POST', `/api/taken/${taak.id}/claim`);
    expect(claimed.status, JSON.stringify(claimed.body)).toBe(200);
    const completed = await call('POST', `/api/taken/${taak.id}/complete`, { variables });
    expect(completed.status, JSON.stringify(completed.body)).toBe(200);
  }

  /** The zaak's tasks in these states (comma-separated, as /api/taken takes them), as the coordinator sees them. */
  async taken(zaakId: string, state = 'open,claimed'): Promise<Taak[]> {
    const page = await (
      await this.as('coordinator')
    )<{ taken: Taak[] }>('GET', `/api/taken?scope=all&zaakId=${zaakId}&state=${state}`);
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    return page.body.taken;
  }

  /** Waits until the zaak has an open task at `elementId` (the task list stored it). */
  untilTaskOpen(zaakId: string, elementId: string): Promise<Taak> {
    return this.until(
      async () => (await this.taken(zaakId)).find((t) => t.elementId === elementId),
      `an open task ${elementId}`,
    );
  }

  /**
   * When the zaak's active timer at `elementId` is due, as the engine stored it (ISO, UTC).
   * Reads the embedded engine's table, so only with the embedded engine.
   */
  async timerDue(zaakId: string, elementId: string): Promise<string> {
    const { processInstanceKey } = await this.zaak(zaakId);
    const timer = (await this.db('engine_timers')
      .where({ element_id: elementId, process_instance_key: processInstanceKey, state: 'ACTIVE' })
      .first()) as { due_date: Date | string } | undefined;
    expect(timer, `an active timer ${elementId}`).toBeDefined();
    return new Date(timer!.due_date).toISOString();
  }

  /**
   * Waits until the zaak's process instance has `elementId` active: a timer attached to it or
   * behind it exists only from then on, so the clock must not move earlier.
   */
  async untilWaitingAt(zaakId: string, elementId: string): Promise<void> {
    const coordinator = await this.as('coordinator');
    await this.until(async () => {
      const { processInstanceKey } = await this.zaak(zaakId);
      if (!processInstanceKey) return undefined;
      const filter = { processInstanceKey, elementId, state: 'ACTIVE' };
      const found = await coordinator<{ items: unknown[] }>(
        'POST',
        '/v2/element-instances/search',
        { filter },
      );
      expect(found.status, JSON.stringify(found.body)).toBe(200);
      return found.body.items.length > 0 ? true : undefined;
    }, `the process waiting at ${elementId}`);
  }

  /** The upload form the citizen's status page shows for the open information request. */
  async uploadFormOn(token: string): Promise<{ action: string; formulier: string }> {
    const page = await (await fetch(`${this.url}/status/${token}`)).text();
    const action = /<form method="post" action="([^"]+)"/.exec(page)?.[1];
    const formulier = /name="formulier" value="([^"]+)"/.exec(page)?.[1];
    expect(action && formulier, 'an upload form on the status page').toBeTruthy();
    return { action: action!, formulier: formulier! };
  }

  /** The citizen sends a PDF through that form; answers the HTTP status (303 when taken). */
  async upload(form: { action: string; formulier: string }, bestandsnaam: string): Promise<number> {
    const body = new FormData();
    body.set('formulier', form.formulier);
    body.set('inhoud', new Blob([MINIMAL_PDF], { type: 'application/pdf' }), bestandsnaam);
    const sent = await fetch(`${this.url}${form.action}`, {
      method: 'POST',
      body,
      redirect: 'manual',
    });
    return sent.status;
  }

  /** Publishes a message over gRPC, as another system (or a mail intake) would. */
  async publishMessage(
    name: string,
    correlationKey: string,
    variables: Record<string, string> = {},
  ): Promise<void> {
    await this.zeebe!.publishMessage({ name, correlationKey, variables, timeToLive: 60_000 });
  }

  /** An operator's fix for a job incident, over gRPC: the job gets retries again, the incident is resolved. */
  async retryFailedJob(jobKey: string, incidentKey: string, retries = 1): Promise<void> {
    await this.zeebe!.updateJobRetries({ jobKey, retries });
    await this.zeebe!.resolveIncident({ incidentKey });
  }

  /** Mails the SMTP peer received for `address`. */
  mailsTo(address: string): ReceivedMail[] {
    return this.smtp.received.filter((mail) => mail.to.includes(address));
  }

  untilMail(address: string, subjectPart: string): Promise<ReceivedMail> {
    return this.until(
      async () => this.mailsTo(address).find((mail) => mail.subject.includes(subjectPart)),
      `a mail to ${address} about "${subjectPart}"`,
    );
  }

  /** The intake mail: the zaaknummer and the citizen's status link; answers the link's token. */
  async expectStatusLinkMail(zaak: Zaak): Promise<string> {
    const mail = await this.untilMail(
      this.zaaktype.initiatorEmail,
      `Wij hebben uw aanvraag ontvangen (${zaak.identificatie})`,
    );
    expect(mail.text).toContain(
      `Wij hebben uw aanvraag "${this.zaaktype.omschrijving}" ontvangen. Het zaaknummer is ${zaak.identificatie}.`,
    );
    expect(mail.text).toContain(`${this.url}/status/`);
    return statusTokenIn(mail.text);
  }
  /**
   * After burger.informatie-opvragen: the initiator is mailed what is missing and by when, the
   * zaak stands still from its startdatum (asked the day it came in) and the process waits at
   * `waitingAt`. Answers the mail's link token.
   */
  async expectInformatieverzoek(
    zaak: Zaak,
    request: { omschrijving: string; uiterlijk: string; waitingAt: string },
  ): Promise<string> {
    const mail = await this.untilMail(
      this.zaaktype.initiatorEmail,
      `Wij hebben meer gegevens van u nodig (${zaak.identificatie})`,
    );
    expect(mail.text).toContain(request.omschrijving);
    expect(mail.text).toContain(`Stuur de gegevens uiterlijk ${request.uiterlijk}.`);
    expect(mail.text).toContain(
      'Zolang wij de gegevens niet hebben, staat de termijn voor uw aanvraag stil.',
    );
    await this.untilWaitingAt(zaak.id, request.waitingAt);
    const suspended = await this.zaak(zaak.id);
    expect(suspended.opschorting).toEqual({
      indicatie: true,
      reden: INFORMATIEVERZOEK_OPSCHORTING,
    });
    expect(suspended.opschortingen).toEqual([
      { van: zaak.startdatum, tot: null, reden: INFORMATIEVERZOEK_OPSCHORTING },
    ]);
    return statusTokenIn(mail.text);
  }
}

const MINIMAL_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);

/** The reden the platform gives an opschorting while it waits for the citizen's answer. */
export const INFORMATIEVERZOEK_OPSCHORTING = 'Wachten op aanvullende gegevens van de aanvrager';

function statusTokenIn(text: string): string {
  const token = /\/status\/([A-Za-z0-9_-]{43})/.exec(text)?.[1];
  expect(token, 'a status link in the mail').toBeDefined();
  return token!;
}

/** The statustypen of the zaak in the order they were set. */
export const statusHistoryOf = (zaak: Zaak) => zaak.statussen.map((status) => status.statustype);
