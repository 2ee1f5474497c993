import { defineConfig } from 'vitest/config';

// `npm run test:browser`: tests that drive Debian's Chromium; kept out of `npm test`.
export default defineConfig({
  test: {
    name: 'browser',
    include: ['{server,workers,modeler-ui}/src/**/*.browser.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
