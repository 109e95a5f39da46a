import { defineConfig } from 'vitest/config';

// The offline reload and the backup round trip in Debian's firefox-esr (puppeteer-core over
// WebDriver BiDi), against the app already built in dist/ (npm run build, or npm run test:e2e).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/firefox/**/*.test.ts'],
    testTimeout: 90_000,
    hookTimeout: 60_000,
    fileParallelism: false, // two cores: one browser at a time
    expect: { requireAssertions: true },
  },
});
