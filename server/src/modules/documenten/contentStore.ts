import { createHash } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

const STALE_TEMP_MS = 60 * 60_000;

/**
 * Document content on disk, named by its sha256 (`<root>/ab/abcdef…`). Uploads arrive in
 * `<root>/tmp` and are renamed into place only when complete and flushed, so a crash never leaves
 * a partial file under a content name; the same content uploaded twice is stored once.
 */
export class DocumentContentStore {
  readonly tempDirectory: string;

  constructor(readonly root: string) {
    this.tempDirectory = join(root, 'tmp');
  }

  /** Creates the folders and removes temp files an earlier crash left behind (older than an hour). */
  async prepare(now = Date.now()): Promise<void> {
    await mkdir(this.tempDirectory, { recursive: true });
    for (const name of await readdir(this.tempDirectory)) {
      const path = join(this.tempDirectory, name);
      const info = await stat(path).catch(() => undefined);
      if (info && now - info.mtimeMs > STALE_TEMP_MS) await rm(path, { force: true });
    }
  }

  /** Moves a complete temp file into the store; answers its sha256 and size. */
  async keep(tempPath: string): Promise<{ sha256: string; size: number }> {
    const sha256 = await sha256Of(tempPath);
    const file = await open(tempPath, 'r+');
    let size: number;
    try {
      await file.sync();
      size = (await file.stat()).size;
    } finally {
      await file.close();
    }
    const directory = join(this.root, sha256.slice(0, 2));
    await mkdir(directory, { recursive: true });
    await rename(tempPath, this.pathOf(sha256));
    await syncDirectory(directory);
    return { sha256, size };
  }

  /** Removes a temp file that will not be kept (refused upload); absent is fine. */
  async discard(tempPath: string): Promise<void> {
    await rm(tempPath, { force: true });
  }

  pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  read(sha256: string): ReadStream {
    return createReadStream(this.pathOf(sha256));
  }
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Makes the rename itself durable (the directory entry), as far as the platform allows. */
async function syncDirectory(path: string): Promise<void> {
  const directory = await open(path, 'r').catch(() => undefined);
  if (!directory) return;
  try {
    await directory.sync();
  } catch {
    // Some platforms (Windows) cannot sync a directory; the rename is still atomic.
  } finally {
    await directory.close();
  }
}
