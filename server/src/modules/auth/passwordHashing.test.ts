import { describe, expect, it } from 'vitest';
import {
  currentScryptParameters,
  hashPassword,
  needsRehash,
  verifyPassword,
} from './passwordHashing.js';

// Cheap parameters keep the test fast; verification reads them from the hash either way.
const cheap = { logN: 10, r: 8, p: 1 };

describe('password hashing (scrypt)', () => {
  it('stores algorithm, parameters, salt and hash in one string', async () => {
    const hash = await hashPassword('geheim', cheap);
    expect(hash).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
  });

  it('verifies the right password and rejects a wrong one', async () => {
    const hash = await hashPassword('correct horse', cheap);
    expect(await verifyPassword('correct horse', hash)).toBe(true);
    expect(await verifyPassword('correct hors', hash)).toBe(false);
  });

  it('uses a fresh salt per hash, so equal passwords do not give equal hashes', async () => {
    expect(await hashPassword('demo', cheap)).not.toBe(await hashPassword('demo', cheap));
  });

  it('treats composed and decomposed Unicode the same (NFC)', async () => {
    const hash = await hashPassword('co\u00f6rdinator', cheap);
    expect(await verifyPassword('coo\u0308rdinator', hash)).toBe(true);
  });

  it('rejects values that are not a hash of ours, and parameters out of bounds', async () => {
    expect(await verifyPassword('demo', 'demo')).toBe(false);
    expect(await verifyPassword('demo', '$scrypt$ln=40,r=8,p=1$c2FsdA$aGFzaA')).toBe(false);
  });

  it('asks for a rehash when the parameters are below the current ones', async () => {
    expect(needsRehash(await hashPassword('demo', cheap))).toBe(true);
    const { logN, r, p } = currentScryptParameters;
    expect(needsRehash(`$scrypt$ln=${logN},r=${r},p=${p}$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA`)).toBe(
      false,
    );
  });
});
