import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The built `npm run workers` entry point: the standard job workers as their own process. */
const workersMain = fileURLToPath(new URL('../../../workers/dist/main.js', import.meta.url));

export interface WorkersProcess {
  child: ChildProcess;
  output(): string;
  /** SIGKILL (or the given signal) and wait for the exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts the workers process with the given settings (ZEEBE_ADDRESS, PLATFORM_URL, secrets…). */
export function startWorkersProcess(settings: Record<string, string>): WorkersProcess {
  const child = spawn(process.execPath, [workersMain], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...settings },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    output: () => output,
    async stop(signal = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
