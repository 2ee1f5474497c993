import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/**
 * The built server entry point, run as a separate process like an operator would. From the
 * compiled bench it is a sibling folder; from a test running the sources, it is in dist.
 */
const mainScript = fileURLToPath(
  new URL(
    import.meta.url.includes('/dist/') ? '../main.js' : '../../dist/main.js',
    import.meta.url,
  ),
);

export interface EngineProcess {
  child: ChildProcess;
  httpUrl: string;
  gatewayAddress: string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/** Starts `main.js --engine-only` and waits until /health/ready answers 200. */
export async function startEngineProcess(
  env: Record<string, string>,
  ports?: { http: number; grpc: number },
): Promise<EngineProcess> {
  const http = ports?.http ?? (await freePort());
  const grpc = ports?.grpc ?? (await freePort());
  // BENCH_ENGINE_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", to profile the engine.
  const nodeArgs = (process.env.BENCH_ENGINE_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, mainScript, '--engine-only'], {
    env: {
      ...process.env,
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'false',
      ...env,
      PORT: String(http),
      HOST: '127.0.0.1',
      ZEEBE_GATEWAY_PORT: String(grpc),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const httpUrl = `http://127.0.0.1:${http}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`engine process exited with ${child.exitCode}: ${stderr}`);
    const ready = await fetch(`${httpUrl}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`engine process not ready within 60 s: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    child,
    httpUrl,
    gatewayAddress: `127.0.0.1:${grpc}`,
    stop(signal = 'SIGTERM') {
      if (child.exitCode !== null) return Promise.resolve(child.exitCode);
      return new Promise((resolve) => {
        child.once('exit', (code) => resolve(code));
        child.kill(signal);
      });
    },
  };
}
