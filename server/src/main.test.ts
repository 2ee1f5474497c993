import { afterEach, describe, expect, it } from 'vitest';
import { spawnServer, type ServerProcess } from './bench/serverProcess.js';

describe('main (the built server process)', () => {
  let server: ServerProcess | undefined;
  afterEach(() => server?.kill());

  it('refuses to start with a wrong setting: non-zero exit and one line on stderr naming it', async () => {
    // given PORT=abc
    server = spawnServer({ PORT: 'abc' });
    // when the process runs
    const { code } = await server.exited;
    // then it exits non-zero with a single line that names PORT and the expected form
    const { stderr } = server.output();
    expect(code).not.toBe(0);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toContain('PORT="abc"');
    expect(stderr).toContain('expected a port number');
  });
});
