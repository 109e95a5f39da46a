import { defineConfig } from 'vitest/config';

// `npm run bench`: measures printed against the budgets; never timed assertions in tests.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['bench/**/*.bench.ts'],
    testTimeout: 600_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
