import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    // unit: in process, no server and no command-line tool; integration: starts the real server, an HTTP server or a CLI.
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    globalSetup: ['tests/vitest.global-setup.ts'],
    testTimeout: 20_000,
  },
});
