import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_ZAAKTYPEN, createBenchDatabase, seedZaken, timed } from './benchDatabase.js';
import { median, percentile, round } from './measurements.js';
import { startServerProcess } from './serverProcess.js';

/**
 * `npm run bench:api`: zaak search through the HTTP API of the built server (a separate process)
 * on PostgreSQL with BENCH_ZAKEN (100,000) zaken, as a behandelaar (two teams) and as a manager
 * (every team). Per query BENCH_REQUESTS (50) requests after a warm-up, p50 and p95 in ms; median
 * of BENCH_RUNS (3). Baseline, same run: GET /health/live on the same server (HTTP, session and
 * JSON without the database work).
 */
const zakenCount = Number(process.env.BENCH_ZAKEN ?? 100_000);
const requests = Number(process.env.BENCH_REQUESTS ?? 50);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const TODAY = '2026-11-27';

async function login(baseUrl: string, username: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo' }),
  });
  if (!response.ok) throw new Error(`login as ${username}: ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((value) => value.split(';')[0])
    .join('; ');
}

async function main() {
  const bench = await createBenchDatabase(adminUrl);
  const dataDir = mkdtempSync(join(tmpdir(), 'zaakstroom-bench-api-'));
  const seeding = await timed(() => seedZaken(bench.db, zakenCount, TODAY));
  console.log(`seeded ${zakenCount} zaken in ${round(seeding / 1000)} s`);
  const server = await startServerProcess({
    DATABASE_URL: bench.url,
    DATA_DIR: dataDir,
    SEED_DEMO: 'false',
    WORKERS_IN_PROCESS: 'false',
  });
  try {
    const cookies = {
      behandelaar: await login(server.url, 'behandelaar'),
      manager: await login(server.url, 'manager'),
    };
    const get = (who: keyof typeof cookies, path: string) => async () => {
      const response = await fetch(`${server.url}${path}`, { headers: { Cookie: cookies[who] } });
      if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      await response.arrayBuffer();
    };
    const queries: Record<string, () => Promise<void>> = {
      'manager, all zaken, newest first': get('manager', '/api/zaken'),
      'behandelaar, open zaken, by fatale datum': get(
        'behandelaar',
        '/api/zaken?open=true&sort=uiterlijkeEinddatumAfdoening',
      ),
      'manager, one zaaktype, page 20': get(
        'manager',
        `/api/zaken?zaaktype=${BENCH_ZAAKTYPEN[1]}&page=20`,
      ),
      'manager, search text "Benchzaak 4242"': get('manager', '/api/zaken?q=Benchzaak%204242'),
      'manager, behandelaar filter': get('manager', '/api/zaken?behandelaar=behandelaar3'),
      'baseline: GET /health/live': async () => {
        await (await fetch(`${server.url}/health/live`)).arrayBuffer();
      },
    };
    const results: Record<string, { p50: number[]; p95: number[] }> = {};
    for (let run = 1; run <= runs; run += 1) {
      for (const [label, query] of Object.entries(queries)) {
        await query();
        const times: number[] = [];
        for (let i = 0; i < requests; i += 1) times.push(await timed(query));
        const entry = (results[label] ??= { p50: [], p95: [] });
        entry.p50.push(percentile(times, 50));
        entry.p95.push(percentile(times, 95));
        console.log(
          `run ${run}: ${label}: p50 ${round(percentile(times, 50))} ms, p95 ${round(percentile(times, 95))} ms`,
        );
      }
    }
    const baseline = median(results['baseline: GET /health/live']!.p50);
    console.log(
      `\nZaak search over HTTP on PostgreSQL, ${zakenCount} zaken, median of ${runs} runs of ${requests} requests:`,
    );
    for (const [label, entry] of Object.entries(results)) {
      const p95 = median(entry.p95);
      const verdict = label.startsWith('baseline')
        ? ''
        : p95 < 100
          ? ' — meets p95 < 100 ms'
          : ' — MISSES p95 < 100 ms';
      console.log(
        `  ${label}: p50 ${round(median(entry.p50))} ms, p95 ${round(p95)} ms (${round(p95 / baseline)}× the baseline's p50)${verdict}`,
      );
    }
  } finally {
    server.kill();
    await server.exited;
    await bench.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
