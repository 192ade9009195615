import { defineConfig } from 'vitest/config'

/**
 * Files that start real processes by the handful (the built host and Chromium, three tills and a hub, the bench
 * smoke runs): one at a time, as before, because two of them side by side on CI's 2-core machine starve each
 * other's waits (a PIN typed before its dialog has focus, a claim deadline passed). Everything else runs two files
 * at a time (vitest's default on 2 cores is one worker: availableParallelism − 1), first; the serial group after.
 */
const SERIAL = [
  'test/e2e/**/*.test.ts',
  'test/hubFaults/**/*.test.ts',
  'test/hub/tillsBench.test.ts',
  'test/hub/chainLoad.test.ts'
]

export default defineConfig({
  test: {
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'parallel',
          include: ['test/**/*.test.ts'],
          exclude: SERIAL,
          maxWorkers: 2,
          sequence: { groupOrder: 0 }
        }
      },
      {
        extends: true,
        test: { name: 'serial', include: SERIAL, maxWorkers: 1, sequence: { groupOrder: 1 } }
      }
    ]
  }
})
