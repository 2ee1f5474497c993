import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt cost: N = 2^logN, block size r, parallelism p. Stored in each hash so it can be raised later. */
export interface ScryptParameters {
  logN: number;
  r: number;
  p: number;
}

/** 2^16 × 8 × 128 bytes = 64 MiB and about 150 ms per hash on a current server core. */
export const currentScryptParameters: ScryptParameters = { logN: 16, r: 8, p: 1 };

const keyLength = 32;
const saltLength = 16;

/**
 * Hashes a password as `$scrypt$ln=16,r=8,p=1$<salt>$<hash>` (PHC string format, base64 without
 * padding): a fresh random salt per password, and the parameters needed to verify it.
 */
export async function hashPassword(
  password: string,
  parameters: ScryptParameters = currentScryptParameters,
): Promise<string> {
  const salt = randomBytes(saltLength);
  const hash = await deriveKey(password, salt, parameters, keyLength);
  const { logN, r, p } = parameters;
  return `$scrypt$ln=${logN},r=${r},p=${p}$${encode(salt)}$${encode(hash)}`;
}

/** False for a wrong password and for a stored value that is not an scrypt hash of ours. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parsePasswordHash(stored);
  if (!parsed) return false;
  const actual = await deriveKey(password, parsed.salt, parsed.parameters, parsed.hash.length);
  return timingSafeEqual(actual, parsed.hash);
}

/** True when the hash was made with weaker parameters than today's, so it should be replaced at login. */
export function needsRehash(stored: string): boolean {
  const parsed = parsePasswordHash(stored);
  if (!parsed) return true;
  const { logN, r, p } = parsed.parameters;
  const current = currentScryptParameters;
  return logN < current.logN || r < current.r || p < current.p;
}

interface ParsedHash {
  parameters: ScryptParameters;
  salt: Buffer;
  hash: Buffer;
}

function parsePasswordHash(stored: string): ParsedHash | undefined {
  const match =
    /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/.exec(
      stored,
    );
  if (!match) return undefined;
  const [, logN, r, p, salt, hash] = match;
  const parameters = { logN: Number(logN), r: Number(r), p: Number(p) };
  // Bounds keep a corrupted value from asking for gigabytes of memory.
  if (parameters.logN > 20 || parameters.r > 32 || parameters.p > 16) return undefined;
  return {
    parameters,
    salt: Buffer.from(salt ?? '', 'base64'),
    hash: Buffer.from(hash ?? '', 'base64'),
  };
}

function deriveKey(
  password: string,
  salt: Buffer,
  parameters: ScryptParameters,
  length: number,
): Promise<Buffer> {
  const N = 2 ** parameters.logN;
  const options: ScryptOptions = {
    N,
    r: parameters.r,
    p: parameters.p,
    // Node refuses more than 32 MiB by default; allow what these parameters need, with headroom.
    maxmem: 128 * N * parameters.r * parameters.p + 16 * 1024 * 1024,
  };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, length, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

function encode(bytes: Buffer): string {
  return bytes.toString('base64').replace(/=+$/, '');
}
