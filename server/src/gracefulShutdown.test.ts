import { mkdtemp, rm } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from './bench/serverProcess.js';

/**
 * A request that stays in flight as long as the test wants: headers first (the server confirms
 * with "100 Continue" that it is handling the request), then the JSON body in two halves.
 */
async function openSlowRequest(url: string, path: string, body: string) {
  const { hostname, port } = new URL(url);
  const socket: Socket = connect(Number(port), hostname);
  let received = '';
  socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
  const ended = new Promise<string>((resolve, reject) => {
    socket.once('close', () => resolve(received));
    socket.once('error', reject);
  });
  socket.write(
    `GET ${path} HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nExpect: 100-continue\r\n\r\n`,
  );
  await waitFor(() => received.includes('100 Continue'), 'the server to accept the request');
  const half = Math.floor(body.length / 2);
  socket.write(body.slice(0, half));
  return {
    /** Sends the rest of the body; resolves with the answer once the (keep-alive) connection is closed by the server. */
    async finish(): Promise<{ status: number; body: string }> {
      socket.write(body.slice(half));
      const raw = await ended;
      const finalResponse = raw.slice(raw.lastIndexOf('HTTP/1.1 '));
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(finalResponse)?.[1]);
      return { status, body: finalResponse.slice(finalResponse.indexOf('\r\n\r\n') + 4) };
    },
  };
}

async function waitFor(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 10_000,
) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** True once the port no longer accepts connections (the server stopped listening). */
function refusesConnections(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const probe = connect(Number(port), hostname);
    probe.once('connect', () => {
      probe.destroy();
      resolve(false);
    });
    probe.once('error', () => resolve(true));
  });
}

describe('graceful shutdown (built server, embedded PGlite)', () => {
  const running: ServerProcess[] = [];
  let dataDir: string | undefined;
  afterEach(async () => {
    for (const server of running.splice(0)) server.kill();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('finishes the request in flight on SIGTERM, exits 0 and leaves a data directory that restarts', async () => {
    // given a server on its own data directory with a request in flight
    dataDir = await mkdtemp(join(tmpdir(), 'zaakstroom-shutdown-'));
    const settings = { DATA_DIR: dataDir, SHUTDOWN_TIMEOUT_MS: '20000' };
    const first = await startServerProcess(settings);
    running.push(first);
    const request = await openSlowRequest(
      first.url,
      '/health/ready',
      JSON.stringify({ purpose: 'slow body' }),
    );

    // when SIGTERM arrives and the server has stopped listening
    first.child.kill('SIGTERM');
    await waitFor(() => refusesConnections(first.url), 'the server to stop accepting connections');

    // then the request in flight still completes, database and all
    const response = await request.finish();
    expect(response.status, response.body).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ status: 'UP' });
    // and the process exits cleanly
    expect(await first.exited).toEqual({ code: 0, signal: null });

    // and a restart on the same data directory is ready
    const second = await startServerProcess(settings);
    running.push(second);
    const ready = await fetch(`${second.url}/health/ready`);
    expect(ready.status).toBe(200);
    // two server starts: room for a loaded machine
  }, 120_000);
});
