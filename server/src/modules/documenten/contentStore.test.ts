import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DocumentContentStore } from './contentStore.js';

describe('DocumentContentStore', () => {
  let root: string;
  let store: DocumentContentStore;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'zs-store-'));
    store = new DocumentContentStore(join(root, 'documenten'));
    await store.prepare();
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const upload = async (content: string) => {
    const path = join(store.tempDirectory, `${crypto.randomUUID()}.upload`);
    await writeFile(path, content);
    return path;
  };

  it('moves a complete upload under its sha256 and leaves no temp file', async () => {
    // given an upload in the temp folder
    const path = await upload('besluit');
    // when it is kept
    const kept = await store.keep(path);
    // then it is named by its hash, in a folder of the first two hex digits
    const sha256 = createHash('sha256').update('besluit').digest('hex');
    expect(kept).toEqual({ sha256, size: 7 });
    expect(await readFile(join(store.root, sha256.slice(0, 2), sha256), 'utf8')).toBe('besluit');
    expect(await readdir(store.tempDirectory)).toEqual([]);
  });

  it('stores the same content once', async () => {
    const first = await store.keep(await upload('twee keer'));
    const second = await store.keep(await upload('twee keer'));
    expect(second.sha256).toBe(first.sha256);
    expect(await readdir(join(store.root, first.sha256.slice(0, 2)))).toEqual([first.sha256]);
  });

  it('removes temp files a crash left behind, but not uploads in progress', async () => {
    // given one temp file two hours old and one just written
    const old = await upload('half');
    const hoursAgo = new Date(Date.now() - 2 * 3_600_000);
    await utimes(old, hoursAgo, hoursAgo);
    const fresh = await upload('bezig');
    // when the store is prepared at start-up
    await store.prepare();
    // then only the stale one is gone
    expect(existsSync(old)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
  });

  it('refuses a content name that is not a sha256 (no paths from outside)', () => {
    expect(() => store.pathOf('../../etc/passwd')).toThrow(/not a sha256/);
  });
});
