import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The built entry point that `npm start` runs; `npm test` builds it first (pretest). */
export const builtMain = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

export interface ServerProcess {
  child: ChildProcess;
  /** Settles when the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): { stdout: string; stderr: string };
  /** Kills the process if it still runs; for test clean-up. */
  kill(): void;
}

/**
 * Runs `node server/dist/main.js` with the given settings on top of a neutral base:
 * loopback only, any free port, the embedded database, warnings and errors logged.
 */
export function spawnServer(settings: Record<string, string>): ServerProcess {
  const env = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    ZEEBE_GATEWAY_PORT: '0',
    DATABASE_URL: '',
    LOG_LEVEL: 'warn',
    ...settings,
  };
  const child = spawn(process.execPath, [builtMain], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  return {
    child,
    exited,
    output: () => ({ stdout, stderr }),
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}

/** Spawns the server and waits for the "running at <url>" line it prints once it listens. */
export async function startServerProcess(
  settings: Record<string, string>,
  timeoutMs = 90_000,
): Promise<ServerProcess & { url: string }> {
  const server = spawnServer(settings);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => fail(`no "running at" line within ${timeoutMs} ms`), timeoutMs);
    function fail(reason: string) {
      clearTimeout(timer);
      server.kill();
      const { stdout, stderr } = server.output();
      reject(new Error(`server did not start: ${reason}\nstdout:\n${stdout}\nstderr:\n${stderr}`));
    }
    server.child.stdout?.on('data', () => {
      const match = /running at (http:\/\/\S+)/.exec(server.output().stdout);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    void server.exited.then(({ code, signal }) => fail(`exited with ${code ?? signal}`));
  });
  return { ...server, url };
}
