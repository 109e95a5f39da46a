import { defineConfig } from 'vitest/config';

// End-to-end journeys in Debian's Chromium, against the built app (npm run build first).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false, // two cores: one browser at a time
    expect: { requireAssertions: true },
  },
});
