import { pino } from 'pino';
import type { HandlerDeps } from '../runtime/jobOutcome.js';
import type { MailMessage, MailTransport } from '../runtime/mailTransport.js';
import type {
  PlatformClient,
  PlatformRequestOptions,
  PlatformResponse,
} from '../runtime/platformClient.js';

export interface RecordedRequest {
  method: string;
  path: string;
  body: unknown;
  options: PlatformRequestOptions | undefined;
}

/** The platform API as the outside world of a handler: records calls, answers as told. */
export class FakePlatform implements PlatformClient {
  readonly requests: RecordedRequest[] = [];
  constructor(
    private answer: (
      request: RecordedRequest,
    ) => PlatformResponse | Promise<PlatformResponse> = () => ({ status: 200, body: {} }),
  ) {}

  answerWith(
    answer: (request: RecordedRequest) => PlatformResponse | Promise<PlatformResponse>,
  ): this {
    this.answer = answer;
    return this;
  }

  async request(method: string, path: string, body?: unknown, options?: PlatformRequestOptions) {
    const request = { method, path, body, options };
    this.requests.push(request);
    return this.answer(request);
  }
}

export class FakeMail implements MailTransport {
  readonly sent: MailMessage[] = [];
  failWith: Error | undefined;
  async send(message: MailMessage): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.sent.push(message);
  }
}

export function fakeDeps(
  overrides: Partial<HandlerDeps> = {},
): HandlerDeps & { platform: FakePlatform; mail: FakeMail } {
  return {
    platform: new FakePlatform(),
    mail: new FakeMail(),
    logger: pino({ level: 'silent' }),
    job: {
      key: '2251799813685260',
      type: 'test',
      processInstanceKey: '2251799813685250',
      elementId: 'task',
      retries: 3,
    },
    ...overrides,
  } as HandlerDeps & { platform: FakePlatform; mail: FakeMail };
}

export const zaakVariables = {
  zaak: { id: 'z-1', identificatie: 'ZAAK-2026-0000123', zaaktype: 'omgevingsvergunning' },
};

export const apiError = (
  status: number,
  name: string,
  message: string,
  details: Record<string, unknown> = {},
) => ({
  status,
  body: { error: { name, message, details } },
});
