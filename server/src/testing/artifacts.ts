import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** Where browser tests keep screenshots for people to look at: `test-artifacts/` unless told otherwise. */
export function artifactPath(name: string): string {
  const dir =
    process.env.TEST_ARTIFACTS_DIR ?? new URL('../../../test-artifacts/', import.meta.url).pathname;
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}
