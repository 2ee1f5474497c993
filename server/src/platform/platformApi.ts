import type { Router } from 'express';
import { DEMO_BRONORGANISATIE, type ServerConfig } from '../config.js';
import type { Database } from '../db/database.js';
import { apiRouter } from '../http/apiRouter.js';
import { OpenApiRegistry } from '../http/openapi.js';
import { openApiRouter } from '../http/openapiRouter.js';
import { auditRouter, recordAudit } from '../modules/audit/index.js';
import { createAuthModule, ensureServiceCredential, generateServiceSecret, oidcSettingsOf, seedDemoAccounts, type AuthModule } from '../modules/auth/index.js';
import { AuthorisationService, auditEntryOf, CatalogusService, catalogusRouter } from '../modules/catalogus/index.js';
import { CalendarService, calendarRouter, todayInNetherlands } from '../modules/deadlines/index.js';
import { createDocumentenModule } from '../modules/documenten/index.js';
import { createBurgerModule, startIntakeLinkSweeper } from '../modules/burger/index.js';
import { createZaakService, createZakenRouter, engineInstanceLookup, sdkProcessStarter, startOutboxRelay, type ProcessStarter } from '../modules/zaken/index.js';
import type { Logger } from '../logging.js';
import type { ZeebeClient } from './zeebeClient.js';
import { mailOutboxRouter } from '../modules/mail/router.js';
import { jobStateFrom, startTaskReconciler, startUserTaskWorker, TakenService, takenRouter } from '../modules/taken/index.js';
import { startWorkers } from '@zaakstroom/workers';
import { engineRestClient } from './engineRestClient.js';
import type { EngineRestEndpoint } from './externalEngine.js';
import type { ZaakstroomMetrics } from '../metrics/metrics.js';
import { serviceTokenProvider } from './serviceToken.js';
import { processModelCheck } from './processModelCheck.js';
import { seedDemoZaaktypen } from './demoSeed.js';
import { modelDeploymentRouter } from './modelDeployment.js';
import { ProefrunService } from './proefrun/proefrunService.js';
import { proefrunRouter } from './proefrun/proefrunRouter.js';
import { elementNameResolver } from './elementNames.js';
import { mailOutboxTransport, SignaleringService, signaleringenRouter, startSignaleringJobs, type Clock } from '../modules/signaleringen/index.js';
import { smtpTransport } from '@zaakstroom/workers';
import { OverzichtService, overzichtRouter } from '../modules/overzicht/index.js';
import { defaultRetryPolicy, NotificatieService, notificatiesRouter, startNotificatieDispatcher } from '../modules/notificaties/index.js';

export interface PlatformOptions {
  db: Database;
  config: ServerConfig;
  logger: Logger;
  /** This server's own URL, known once it listens. */
  selfUrl: () => string;
  /** The Zeebe gRPC client (embedded gateway or external cluster). */
  zeebe: ZeebeClient;
  /** Where job outcomes and process starts are counted for /metrics. */
  metrics?: ZaakstroomMetrics;
  /** An external engine's REST v2 API; without it, the embedded engine's on this server (selfUrl). */
  engineEndpoint?: EngineRestEndpoint;
  /** The platform's now: the embedded engine's clock (movable through /v2/clock in tests); system time otherwise. */
  clock?: Clock;
}

export interface Platform {
  /** Everything under /api, authenticated by default. */
  router: Router;
  /** The citizen's status pages (`/status/...`), public: the token in the link is the key. */
  statusRouter: Router;
  auth: AuthModule;
  /** The credential the in-process workers use to call the API. */
  workerCredential: { clientId: string; secret: string };
  /** Starts the background work once the server listens: process-start outbox, user-task worker, job workers. */
  start(): void;
  /** Stops the background work, letting running jobs finish. */
  stop(): Promise<void>;
}

/** The zaak platform: its modules, wired together behind one authenticated /api router. */
export async function createPlatform({ db, config, logger, selfUrl, zeebe, engineEndpoint, metrics, clock = { now: () => Date.now() } }: PlatformOptions): Promise<Platform> {
  const openApi = new OpenApiRegistry();
  const auth = createAuthModule({
    db,
    openApi,
    sessionTtlMs: config.SESSION_TTL_MINUTES * 60_000,
    sessionMaxLifetimeMs: config.SESSION_MAX_HOURS * 3_600_000,
    serviceTokenTtlMs: config.SERVICE_TOKEN_TTL_MINUTES * 60_000,
    ...(config.OIDC_ISSUER ? { oidc: oidcSettingsOf(config, selfUrl) } : {}),
  });
  if (config.SEED_DEMO) await seedDemoAccounts(db);
  const workerCredential = { clientId: config.WORKER_CLIENT_ID, secret: config.WORKER_CLIENT_SECRET ?? generateServiceSecret() };
  await ensureServiceCredential(db, { ...workerCredential, description: 'Zaakstroom job workers' });

  // The embedded engine's REST API sits on this server, behind the workers' service credential.
  const serviceHeaders = serviceTokenProvider(selfUrl, workerCredential);
  const engine = engineEndpoint ?? { baseUrl: selfUrl, headers: serviceHeaders };
  const engineRest = engineRestClient(engine.baseUrl, engine.headers);
  const access = { requireRole: auth.requireRole, currentUser: auth.currentUser };
  const catalogusService = new CatalogusService({
    db,
    onChange: async (change, trx) => {
      await recordAudit(trx, auditEntryOf(change));
    },
  });
  const authorisationService = new AuthorisationService(db);
  if (config.SEED_DEMO) {
    await seedDemoZaaktypen({ db, zeebe, catalogusService, authorisationService, logger: logger.child({ component: 'demo-seed' }) });
  }
  const elementName = elementNameResolver(engineRest);
  const takenService = new TakenService({ db, engine: zeebe, elementName, jobState: jobStateFrom(engineRest) });
  const signaleringService = new SignaleringService({ db, authorisation: authorisationService, clock });
  const overzichtService = new OverzichtService({
    db,
    loadCalendar: () => new CalendarService(db).loadCalendar(),
    now: () => clock.now(),
    engine: engineRest,
    commands: zeebe,
    elementName,
    validProcessDefinition: async (zaaktype) => (await catalogusService.getValidVersion(zaaktype)).processDefinitionKey ?? null,
  });
  // Deadlines count from the platform's today: the engine clock, so tests that move it move the termijnen too.
  const today = () => todayInNetherlands(new Date(clock.now()));
  const documenten = await createDocumentenModule({
    db,
    catalogus: catalogusService,
    requireRole: auth.requireRole,
    dataDir: config.DATA_DIR,
    maxUploadMb: config.MAX_UPLOAD_MB,
    openApi,
  });
  // The citizen's mails take the same path as notificatie.email: SMTP when configured, else the outbox.
  const burgerSmtp = config.SMTP_URL ? smtpTransport({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM }) : undefined;
  const burger = createBurgerModule({
    db,
    catalogus: catalogusService,
    documenten: {
      service: documenten.service,
      tempDirectory: documenten.service.store.tempDirectory,
      discard: (path) => documenten.service.store.discard(path),
    },
    mail: burgerSmtp ?? mailOutboxTransport(db),
    messages: zeebe,
    requireRole: auth.requireRole,
    publicUrl: () => config.PUBLIC_URL ?? selfUrl(),
    linkDays: config.STATUSLINK_DAYS,
    rateLimitPerMinute: config.PUBLIC_RATE_LIMIT_PER_MINUTE,
    maxUploadMb: config.MAX_UPLOAD_MB,
    openApi,
    today,
  });
  const burgerLogger = logger.child({ component: 'burger' });
  const bronorganisatie = config.BRONORGANISATIE ?? (config.SEED_DEMO ? DEMO_BRONORGANISATIE : undefined);
  const proefrunService = new ProefrunService({
    catalogus: catalogusService,
    zaken: createZaakService({ db, catalogus: catalogusService, bronorganisatie, today }),
    taken: takenService,
    zeebe,
    deployedXml: (bpmnProcessId, version) => engineRest.processDefinitionXml(bpmnProcessId, version),
  });
  const router = apiRouter({
    authenticate: auth.authenticate,
    verifyCsrf: auth.verifyCsrf,
    publicRoutes: [...auth.publicRoutes, ...burger.publicRoutes],
    routers: [
      auth.router,
      auditRouter({ db, requireRole: auth.requireRole, openApi }),
      calendarRouter({ ...access, calendarService: new CalendarService(db), openApi }),
      catalogusRouter({
        ...access,
        catalogusService,
        authorisationService,
        modelCheck: processModelCheck(engineRest),
        afterConceptDeleted: (identificatie, versie) => proefrunService.end(identificatie, versie),
        openApi,
      }),
      openApiRouter({ registry: openApi, info: { title: 'Zaakstroom API', version: '0.1.0' } }),
      createZakenRouter({
        db,
        catalogus: catalogusService,
        requireRole: auth.requireRole,
        openApi,
        bronorganisatie,
        today,
        // The zaak stands even when its status link cannot be sent; the coordinator can send a new one.
        onCreated: (zaak, caller) =>
          burger.service.onZaakCreated(zaak, caller.audit.requestId).catch((error: unknown) => {
            burgerLogger.error({ err: error, zaakId: zaak.id }, 'status link for the citizen not sent');
          }),
      }),
      documenten.router,
      burger.apiRouter,
      modelDeploymentRouter({ catalogusService, zeebe, ...access, openApi }),
      proefrunRouter({ service: proefrunService, requireRole: auth.requireRole, openApi }),
      takenRouter({ service: takenService, requireRole: auth.requireRole, openApi }),
      mailOutboxRouter({ db, requireRole: auth.requireRole, openApi }),
      signaleringenRouter({ service: signaleringService, requireRole: auth.requireRole, openApi }),
      overzichtRouter({ service: overzichtService, requireRole: auth.requireRole, openApi }),
      notificatiesRouter({ service: new NotificatieService({ db, now: () => new Date(clock.now()) }), requireRole: auth.requireRole, openApi }),
    ],
  });
  const background: { stop(): Promise<void> }[] = [];
  const start = () => {
    // Zaken start their process through an outbox, so no zaak is ever without its process.
    background.push(
      startOutboxRelay({
        db,
        starter: countedStarter(sdkProcessStarter(zeebe), metrics),
        lookup: engineInstanceLookup({
          baseUrl: engine.baseUrl,
          headers: engine.headers,
          cancel: (processInstanceKey) => zeebe.cancelProcessInstance(processInstanceKey).then(() => undefined),
        }),
        logger: logger.child({ component: 'zaak-outbox' }),
        intervalMs: 500,
      }),
    );
    // The citizen's intake status link, for zaken whose server stopped before it sent one.
    background.push(startIntakeLinkSweeper({ service: burger.service, logger: burgerLogger }));
    // Signaleringen: from the audit trail, the deadlines and an hourly e-mail digest.
    const calendar = new CalendarService(db);
    const smtp = config.SMTP_URL ? smtpTransport({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM }) : undefined;
    const mail = smtp ?? mailOutboxTransport(db);
    const signaleringJobs = startSignaleringJobs({
      db,
      clock,
      logger: logger.child({ component: 'signaleringen' }),
      authorisation: authorisationService,
      loadCalendar: (trx) => calendar.loadCalendar(trx),
      mail,
      baseUrl: selfUrl,
    });
    background.push({
      stop: async () => {
        await signaleringJobs.stop();
        smtp?.close();
      },
    });
    // Notificaties: zaak events from the audit trail, posted to abonnementen with retries.
    const notificaties = startNotificatieDispatcher({
      db,
      clock,
      logger: logger.child({ component: 'notificaties' }),
      publicUrl: () => config.PUBLIC_URL ?? selfUrl(),
      timeoutMs: config.NOTIFICATIE_TIMEOUT_SECONDS * 1000,
      retry: { ...defaultRetryPolicy, maxAttempts: config.NOTIFICATIE_MAX_ATTEMPTS },
    });
    background.push({ stop: () => notificaties.stop() });
    const userTasks = startUserTaskWorker({ zeebe, service: takenService, logger: logger.child({ component: 'user-tasks' }) });
    background.push({ stop: () => userTasks.close() });
    // Tasks whose job the engine ended without us (process cancelled) leave the task list.
    background.push(
      startTaskReconciler({
        db,
        service: takenService,
        engine: engineRest,
        logger: logger.child({ component: 'task-reconciler' }),
        intervalMs: config.TASK_RECONCILE_INTERVAL_SECONDS * 1000,
      }),
    );
    if (config.WORKERS_IN_PROCESS) {
      const workers = startWorkers({
        zeebe,
        logger: logger.child({ component: 'workers' }),
        platformUrl: selfUrl(),
        clientId: workerCredential.clientId,
        clientSecret: workerCredential.secret,
        smtpUrl: config.SMTP_URL,
        mailFrom: config.MAIL_FROM,
        ...(metrics ? { onJobEvent: (event) => metrics.countJob(event) } : {}),
      });
      background.push({ stop: () => workers.close() });
    }
  };
  const stop = async () => {
    for (const task of background.splice(0).reverse()) await task.stop();
    burgerSmtp?.close();
  };
  return { router, statusRouter: burger.statusRouter, auth, workerCredential, start, stop };
}

/** The outbox's process starter, counting each instance created. */
function countedStarter(starter: ProcessStarter, metrics: ZaakstroomMetrics | undefined): ProcessStarter {
  if (!metrics) return starter;
  return {
    async start(bpmnProcessId, version, variables) {
      const started = await starter.start(bpmnProcessId, version, variables);
      metrics.processInstancesCreated.inc({ bpmn_process_id: bpmnProcessId });
      return started;
    },
  };
}
