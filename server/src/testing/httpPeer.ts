import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** Parsed when the request says it is JSON, else the text (undefined when empty). */
  body: unknown;
}

/** How the peer answers a request: status, headers and body are the test's choice. */
export type HttpAnswer = (request: ReceivedRequest, res: ServerResponse) => void;

/**
 * A real HTTP server on 127.0.0.1 and a free port, standing in for another organisation's REST
 * service: it records every request and answers with `answer`, which a test may swap.
 */
export async function startHttpPeer(answer: HttpAnswer) {
  const received: ReceivedRequest[] = [];
  const peer = { url: '', received, answer, close };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const isJson = (req.headers['content-type'] ?? '').includes('json');
      const request: ReceivedRequest = {
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        headers: req.headers,
        body: text && isJson ? (JSON.parse(text) as unknown) : text || undefined,
      };
      received.push(request);
      peer.answer(request, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  peer.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  function close(): Promise<void> {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(() => resolve()));
  }
  return peer;
}

export function answerJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
