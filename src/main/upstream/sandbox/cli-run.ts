/**
 * The sandbox CLI's logic, apart from cli.ts so tests can run it without a child process.
 * --port N (default 0 = any free port), --seed-now <ISO time | epoch ms> (the sandbox clock starts at that
 * instant and then runs in real time, so a training seed can be pinned to e.g. a lunchtime),
 * --store <location id> (default 100001).
 */
import { DateTime } from 'luxon'
import type { EpochMs } from '../../../shared/time'
import {
  createTrainingSandbox,
  TRAINING_APP_ID,
  TRAINING_APP_SECRET,
  TRAINING_STORE_LOCATION_ID
} from './seed'
import { startSandboxServer, type SandboxServer } from './server'

export interface CliOptions {
  port: number
  seedNow: EpochMs | undefined
  storeLocationId: number
}

export function parseCliArgs(argv: readonly string[]): CliOptions | { error: string } {
  const options: CliOptions = { port: 0, seedNow: undefined, storeLocationId: TRAINING_STORE_LOCATION_ID }
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = (argv[i] ?? '').split('=', 2) as [string, string | undefined]
    const value = inline ?? argv[++i]
    if (value === undefined) return { error: `${flag} needs a value` }
    if (flag === '--port') {
      const port = Number(value)
      if (!Number.isInteger(port) || port < 0 || port > 65535) return { error: `bad --port ${value}` }
      options.port = port
    } else if (flag === '--seed-now') {
      const at = /^\d+$/.test(value) ? Number(value) : DateTime.fromISO(value, { setZone: true }).toMillis()
      if (!Number.isFinite(at)) return { error: `bad --seed-now ${value} (ISO time or epoch ms)` }
      options.seedNow = at
    } else if (flag === '--store') {
      const id = Number(value)
      if (!Number.isSafeInteger(id) || id <= 0) return { error: `bad --store ${value}` }
      options.storeLocationId = id
    } else {
      return { error: `unknown option ${flag}` }
    }
  }
  return options
}

export interface CliIo {
  log(line: string): void
  error(line: string): void
}

export const USAGE = 'usage: sandbox [--port N] [--seed-now ISO|epochMs] [--store LOCATION_ID]'

/** Starts the server and prints how to use it; undefined (after printing why) when the arguments are bad. */
export async function runSandboxCli(argv: readonly string[], io: CliIo): Promise<SandboxServer | undefined> {
  const parsed = parseCliArgs(argv)
  if ('error' in parsed) {
    io.error(parsed.error)
    io.error(USAGE)
    return undefined
  }
  const startedAt = Date.now()
  const seedNow = parsed.seedNow
  const now = seedNow === undefined ? Date.now : () => seedNow + (Date.now() - startedAt)
  const sandbox = createTrainingSandbox({ now, storeLocationId: parsed.storeLocationId })
  const server = await startSandboxServer({ sandbox, port: parsed.port })
  io.log(`Sandbox WeChat API listening on ${server.url}`)
  io.log(`appid: ${TRAINING_APP_ID}`)
  io.log(`secret: ${TRAINING_APP_SECRET}`)
  io.log(`store location id: ${parsed.storeLocationId}`)
  io.log(`admin: ${server.url}/__sandbox/stats (header X-Sandbox-Admin: 1)`)
  io.log('training codes:')
  for (const s of sandbox.currentSeed().scenarios) {
    io.log(`  ${s.code}  ${s.expected.padEnd(12)} ${s.key}`)
  }
  return server
}
