import { defineConfig } from 'vitest/config'

// The latency bench runs on its own (`npx vitest run --config bench/latency/vitest.config.ts`), never in `npm test`.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['bench/latency/**/*.run.ts'],
    pool: 'forks',
    testTimeout: 20 * 60_000,
    hookTimeout: 120_000
  }
})
