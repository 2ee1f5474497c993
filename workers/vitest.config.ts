import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'workers',
    include: ['src/**/*.test.ts'],
    passWithNoTests: true,
    // Some tests start a real engine and gateway; give a loaded machine room, as the server's do.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
