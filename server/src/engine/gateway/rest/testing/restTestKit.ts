import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { createApp } from '../../../../app.js';
import { createTestDatabase, type TestDatabase } from '../../../../testing/testDatabase.js';
import { ControllableClock } from '../../../clock.js';
import { engineRestRouter, type EngineRestRouterOptions } from '../router.js';

/** One item of a search answer, or any JSON object a test reads. */
export type Item = Record<string, unknown>;

/** A JSON answer as tests read it: a search result, a problem detail, or some other object. */
export interface AnswerBody {
  items: Item[];
  page: {
    totalItems: number;
    hasMoreTotalItems: boolean;
    startCursor?: string;
    endCursor?: string;
  };
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  [field: string]: unknown;
}

export interface RestAnswer {
  status: number;
  contentType: string;
  /** The body as text (XML, or empty for 204). */
  text: string;
  /** The body parsed, when it is JSON; else an empty object. */
  body: AnswerBody;
}

export interface RestTestKitOptions {
  clockControl?: boolean;
  engine?: EngineRestRouterOptions['engine'];
  /** Reuse a database (e.g. one an engine writes to); it is then not destroyed by stop(). */
  testDb?: TestDatabase;
  clock?: ControllableClock;
}

/**
 * A real database (PGlite, or PostgreSQL with TEST_DATABASE_URL), the REST v2 router in the
 * platform's Express app on a free port, and fetch to call it.
 */
export class RestTestKit {
  private constructor(
    readonly testDb: TestDatabase,
    private readonly ownsDatabase: boolean,
    readonly clock: ControllableClock,
    private readonly server: Server,
    readonly baseUrl: string,
  ) {}

  static async start(options: RestTestKitOptions = {}): Promise<RestTestKit> {
    const testDb = options.testDb ?? (await createTestDatabase());
    const clock = options.clock ?? new ControllableClock();
    const logger = pino({ level: 'silent' });
    const engine = options.engine ?? {
      resolveIncident: () => Promise.reject(new Error('no engine in this test')),
    };
    const router = engineRestRouter({
      db: testDb.db,
      engine,
      clock,
      clockControl: options.clockControl ?? false,
      logger,
    });
    const server = createApp({ db: testDb.db, logger, routers: [router] }).listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    return new RestTestKit(testDb, !options.testDb, clock, server, `http://127.0.0.1:${port}`);
  }

  get db() {
    return this.testDb.db;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    if (this.ownsDatabase) await this.testDb.destroy();
  }

  post(path: string, body?: unknown): Promise<RestAnswer> {
    return this.call('POST', path, body);
  }

  put(path: string, body?: unknown): Promise<RestAnswer> {
    return this.call('PUT', path, body);
  }

  get(path: string): Promise<RestAnswer> {
    return this.call('GET', path);
  }

  async call(method: string, path: string, request?: unknown): Promise<RestAnswer> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: request === undefined ? {} : { 'content-type': 'application/json' },
      body:
        request === undefined
          ? undefined
          : typeof request === 'string'
            ? request
            : JSON.stringify(request),
    });
    const contentType = response.headers.get('content-type') ?? '';
    const text = await response.text();
    const body = (/json/.test(contentType) && text ? JSON.parse(text) : {}) as AnswerBody;
    return { status: response.status, contentType, text, body };
  }

  /** POST a search and expect 200: the items, and the page block. */
  async search(path: string, body?: unknown): Promise<{ items: Item[]; page: AnswerBody['page'] }> {
    const answer = await this.post(path, body);
    if (answer.status !== 200)
      throw new Error(`POST ${path} answered ${answer.status}: ${answer.text}`);
    return { items: answer.body.items, page: answer.body.page };
  }

  /** POST a search and take one field of each item, e.g. the keys. */
  async pluck(path: string, field: string, body?: unknown): Promise<unknown[]> {
    return (await this.search(path, body)).items.map((item) => item[field]);
  }
}
