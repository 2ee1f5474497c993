import { pathToFileURL } from 'node:url';
import { methodSession } from './apiSession.js';

/**
 * `npm run seed:overzicht`: a realistic data set for the Overzicht, made through the real API and
 * engine. Against a running server (SEED_URL, demo accounts, ENGINE_CLOCK_CONTROL=true) it pins
 * the engine clock at SEED_START and moves it day by day over SEED_DAYS (182), registering that
 * day's share of SEED_ZAKEN (5,000) zaken across three zaaktypen through POST /api/zaken and doing
 * their tasks through /api/taken on the days planned for them: most on time, some late, some
 * never. Woo-verzoeken and omgevingsvergunningen are also suspended, resumed and extended through
 * the zaak actions. The plan is drawn from a fixed seed, so a rerun makes the same zaken (and the
 * Idempotency-Key per zaak keeps a rerun on the same server from making them twice).
 */
export interface SeedOptions {
  url: string;
  zaken: number;
  days: number;
  /** The first day, 09:00 in the Netherlands; e.g. '2031-01-06'. */
  start: string;
  concurrency: number;
  log?: (line: string) => void;
}

export interface SeedTotals {
  zaken: number;
  perZaaktype: Record<string, number>;
  takenGedaan: number;
  opschortingen: number;
  verlengingen: number;
  /** The engine clock at the end, ISO 8601. */
  eind: string;
}

type Call = Awaited<ReturnType<typeof methodSession>>;

/** One step of a zaak's plan, on a day counted from the seed's first day. */
type Step =
  | { day: number; kind: 'taak'; elementId: string; variables: Record<string, unknown> }
  | { day: number; kind: 'opschorten' }
  | { day: number; kind: 'hervatten' }
  | { day: number; kind: 'verlengen'; duur: string };

interface ZaaktypeProfile {
  identificatie: string;
  behandelaar: string;
  /** The zaak's tasks in order, with the variables that take the shortest valid path. */
  taken: { elementId: string; variables: Record<string, unknown> }[];
  /** Set when the zaaktype allows opschorting and verlenging: the verlengingstermijn. */
  verlenging: string | null;
}

export const SEED_ZAAKTYPEN: ZaaktypeProfile[] = [
  {
    identificatie: 'melding-openbare-ruimte',
    behandelaar: 'behandelaar2',
    taken: [
      { elementId: 'MeldingBeoordelen', variables: { categorie: 'afval', spoed: false } },
      {
        elementId: 'MeldingAfhandelen',
        variables: { uitkomst: 'opgelost', terugmelding: 'Opgeruimd.' },
      },
    ],
    verlenging: null,
  },
  {
    identificatie: 'woo-verzoek',
    behandelaar: 'behandelaar',
    taken: [
      {
        elementId: 'VerzoekBeoordelen',
        variables: { zienswijzeNodig: false, verdagingNodig: false },
      },
      {
        elementId: 'BesluitNemen',
        variables: {
          besluit: 'niet_openbaar',
          weigeringsgronden: ['bedrijfsgegevens'],
          motivering: 'Concurrentiegevoelig.',
        },
      },
    ],
    verlenging: 'P2W',
  },
  {
    identificatie: 'omgevingsvergunning',
    behandelaar: 'behandelaar',
    taken: [
      { elementId: 'VolledigheidToetsen', variables: { volledig: true } },
      { elementId: 'InhoudelijkBeoordelen', variables: { adviseurs: [], verlengingNodig: false } },
      {
        elementId: 'BesluitOpstellen',
        variables: { besluit: 'verleend', motivering: 'Past in het omgevingsplan.' },
      },
    ],
    verlenging: 'P6W',
  },
];

/** The plan's seed: zaak i draws from randomFrom(SEED + i), the same on every run. */
const SEED = 9;

export const SEED_OPSCHORTING_REDEN = 'Wachten op advies (seed)';

/** A small deterministic PRNG (mulberry32), so every run draws the same plan. */
function randomFrom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Zaak `index`'s plan: the day it comes in and its steps. */
function planOf(
  index: number,
  registered: number,
  random: () => number,
): { profile: ZaaktypeProfile; steps: Step[] } {
  const profile = SEED_ZAAKTYPEN[index % SEED_ZAAKTYPEN.length]!;
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const steps: Step[] = [];
  if (random() < 0.12) return { profile, steps }; // nobody picks it up
  let day = registered + between(0, 2);
  if (profile.verlenging && random() < 0.2) {
    steps.push({ day, kind: 'opschorten' });
    day += between(3, 12);
    steps.push({ day, kind: 'hervatten' });
  }
  const verlenging: Step | undefined =
    profile.verlenging && random() < 0.15
      ? { day: day + between(0, 3), kind: 'verlengen', duur: profile.verlenging }
      : undefined;
  const verlengingAt = steps.length;
  // Most finish well within the norm; a tail runs late.
  const late = random() < 0.2;
  let closesOn: number | undefined;
  profile.taken.forEach((taak, position) => {
    if (position > 0) day += late ? between(8, 30) : between(0, 3);
    const last = position === profile.taken.length - 1;
    if (last && random() < 0.08) return; // the last task stays open
    if (last) closesOn = day;
    steps.push({ day, kind: 'taak', ...taak });
  });
  // A verlenging after the last task is left out: the zaak is closed then, or being closed by a
  // worker while the seed moves on (asking first would race with it).
  if (verlenging && (closesOn === undefined || verlenging.day <= closesOn))
    steps.splice(verlengingAt, 0, verlenging);
  steps.sort((x, y) => x.day - y.day);
  return { profile, steps };
}

/** Runs `work` over `items`, at most `limit` at a time. */
async function eachLimited<T>(
  items: T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function seedOverzicht(options: SeedOptions): Promise<SeedTotals> {
  const log = options.log ?? (() => {});
  const accounts = new Map<string, Call>();
  const as = async (username: string) => {
    if (!accounts.has(username)) accounts.set(username, await methodSession(options.url, username));
    return accounts.get(username)!;
  };
  const coordinator = await as('coordinator');
  const first = Date.parse(`${options.start}T09:00:00+01:00`);
  await coordinator('PUT', '/v2/clock', { timestamp: first });

  const totals: SeedTotals = {
    zaken: 0,
    perZaaktype: {},
    takenGedaan: 0,
    opschortingen: 0,
    verlengingen: 0,
    eind: new Date(first).toISOString(),
  };
  /** Per day: the zaken to register, and the steps of zaken registered before. */
  const intake: number[][] = Array.from({ length: options.days }, () => []);
  for (let index = 0; index < options.zaken; index++)
    intake[Math.floor((index * options.days) / options.zaken)]!.push(index);
  const due = new Map<number, { zaakId: string; profile: ZaaktypeProfile; steps: Step[] }[]>();

  /** Does the zaak's open task at `elementId`: it appears once the engine got there. */
  const doTask = async (zaakId: string, username: string, elementId: string, variables: object) => {
    const call = await as(username);
    for (let attempt = 0; ; attempt++) {
      const page = await call<{ taken: { id: string; elementId: string }[] }>(
        'GET',
        `/api/taken?scope=group&zaakId=${zaakId}`,
      );
      const taak = page.taken.find((t) => t.elementId === elementId);
      if (taak) {
        await call('POST', `/api/taken/${taak.id}/claim`);
        await call('POST', `/api/taken/${taak.id}/complete`, { variables });
        totals.takenGedaan++;
        return;
      }
      if (attempt > 600) throw new Error(`no task ${elementId} for zaak ${zaakId}`);
      await pause(20);
    }
  };

  const runSteps = async (entry: { zaakId: string; profile: ZaaktypeProfile; steps: Step[] }) => {
    const { zaakId, profile } = entry;
    const call = await as(profile.behandelaar);
    for (const step of entry.steps) {
      if (step.kind === 'taak')
        await doTask(zaakId, profile.behandelaar, step.elementId, step.variables);
      else if (step.kind === 'opschorten') {
        await call('POST', `/api/zaken/${zaakId}/opschorten`, { reden: SEED_OPSCHORTING_REDEN });
        totals.opschortingen++;
      } else if (step.kind === 'hervatten')
        await call('POST', `/api/zaken/${zaakId}/hervatten`, {});
      else {
        await call('POST', `/api/zaken/${zaakId}/verlengen`, {
          duur: step.duur,
          reden: 'Complexe aanvraag (seed)',
        });
        totals.verlengingen++;
      }
    }
  };

  /** Registers zaak `index` today and plans its steps (today's run right away). */
  const register = async (index: number, day: number) => {
    const { profile, steps } = planOf(index, day, randomFrom(SEED + index));
    const call = await as(profile.behandelaar);
    const zaak = await call<{ id: string }>(
      'POST',
      '/api/zaken',
      {
        zaaktype: profile.identificatie,
        omschrijving: `Seed ${profile.identificatie} ${index + 1}`,
        initiator: {
          type: 'natuurlijk_persoon',
          bsn: '999993653',
          naam: 'J. Jansen',
          email: `seed${index + 1}@voorbeeld.nl`,
        },
      },
      { 'Idempotency-Key': `seed-overzicht-${options.start}-${index}` },
    );
    totals.zaken++;
    totals.perZaaktype[profile.identificatie] =
      (totals.perZaaktype[profile.identificatie] ?? 0) + 1;
    const byDay = new Map<number, Step[]>();
    for (const step of steps) byDay.set(step.day, [...(byDay.get(step.day) ?? []), step]);
    for (const [stepDay, daySteps] of byDay) {
      const entry = { zaakId: zaak.id, profile, steps: daySteps };
      if (stepDay === day) await runSteps(entry);
      else if (stepDay < options.days) due.set(stepDay, [...(due.get(stepDay) ?? []), entry]);
    }
  };

  for (let day = 0; day < options.days; day++) {
    if (day > 0) {
      const moved = await coordinator<{ timestamp: string }>('POST', '/v2/clock/add', {
        duration: 'P1D',
      });
      totals.eind = moved.timestamp;
    }
    // today's steps of zaken registered before (a zaak's steps of one day run in a row), and
    // today's intake, side by side
    const steps = due.get(day) ?? [];
    due.delete(day);
    const work = [
      ...steps.map((entry) => () => runSteps(entry)),
      ...intake[day]!.map((index) => () => register(index, day)),
    ];
    await eachLimited(work, options.concurrency, (run) => run());
    if (day % 7 === 0 || day === options.days - 1)
      log(
        `day ${day + 1}/${options.days}: ${totals.zaken} zaken, ${totals.takenGedaan} taken done, ` +
          `${totals.opschortingen} opschortingen, ${totals.verlengingen} verlengingen`,
      );
  }
  return totals;
}

async function main() {
  const started = Date.now();
  const totals = await seedOverzicht({
    url: process.env.SEED_URL ?? 'http://localhost:8080',
    zaken: Number(process.env.SEED_ZAKEN ?? 5000),
    days: Number(process.env.SEED_DAYS ?? 182),
    start: process.env.SEED_START ?? '2031-01-06',
    concurrency: Number(process.env.SEED_CONCURRENCY ?? 8),
    log: (line) => console.log(line),
  });
  console.log(JSON.stringify({ ...totals, seconden: Math.round((Date.now() - started) / 1000) }));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
