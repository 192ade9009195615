import { defineConfig } from 'vitest/config'

/**
 * Files that start real processes by the handful (the built host and Chromium, three tills and a hub, the bench
 * smoke runs) or give a real hub a claim deadline of 300–500 ms (test/storeLink, test/hubHost): one at a time, as
 * before, because beside another file on CI's 2-core machine they miss their waits (a PIN typed before its dialog
 * has focus, a claim answered after its deadline: storeLink/storeDay.test.ts failed so at load ~25; the kill -9
 * loops count what the station managed between random kills: 23 acknowledged where > 100 are asked). Everything
 * else runs two files at a time (vitest's default on 2 cores is one worker: availableParallelism − 1), first; the
 * serial group after.
 */
const SERIAL = [
  'test/e2e/**/*.test.ts',
  'test/hubFaults/**/*.test.ts',
  'test/storeLink/**/*.test.ts',
  'test/hubHost/**/*.test.ts',
  'test/reliability/kill9*.test.ts',
  'test/hub/tillsBench.test.ts',
  'test/hub/chainLoad.test.ts',
  // Pseudo-terminal pairs from socat: once, beside another file, a killed socat's pty was not reported gone
  // within 20 s (serialPty "unplug and replug"); alone it always was. Cause not found: docs/scanning.md § Open.
  'test/devices/serialPty.test.ts',
  'test/devices/stationScanner.test.ts'
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
