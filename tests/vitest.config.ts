import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['tests/unit/**/*.test.ts'],
    globalSetup: ['tests/vitest.global-setup.ts'],
    testTimeout: 20_000,
  },
});
