/**
 * `npm run host -- --data-dir <dir> [--port N] [--hub-listen ADDR] [--hub-port N] [--store-claim-deadline-ms N]
 * [--store-retry-ms N]`: runs the station without Electron and prints the loopback URL to open in a browser. Used
 * for development and browser tests. When set-up makes this till the store hub, the hub runs as a child process of
 * this Node (out/main/hub.js beside this file; src/main/hubHost), on --hub-listen (default 0.0.0.0, the store LAN)
 * and --hub-port (default 7420).
 */
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { describeStartFailure } from '../backup/recovery'
import { nodeChildLauncher } from '../hubHost/nodeChild'
import { openStation } from '../station/station'
import { startHost } from './server'

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string', default: '0' },
      'renderer-dir': { type: 'string' },
      'hub-listen': { type: 'string' },
      'hub-port': { type: 'string' },
      // The store hub link's timings (docs/hub.md § The station side as built); the fault harness
      // (test/hubFaults) shortens the retry pause so recovery is quick, and lengthens the claim deadline for
      // its race on a loaded machine.
      'store-claim-deadline-ms': { type: 'string' },
      'store-retry-ms': { type: 'string' }
    }
  })
  const dataDir = resolve(values['data-dir'] ?? 'data')
  const rendererDir = resolve(
    values['renderer-dir'] ?? fileURLToPath(new URL('../renderer/', import.meta.url))
  )
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0-65535, got ${values.port}`)

  const hubPort = values['hub-port'] === undefined ? undefined : Number(values['hub-port'])
  if (hubPort !== undefined && (!Number.isInteger(hubPort) || hubPort < 0 || hubPort > 65535))
    throw new Error(`--hub-port must be 0-65535, got ${values['hub-port']}`)
  const hubEntry = fileURLToPath(new URL('./hub.js', import.meta.url))
  const storeLink = {
    ...msOption(values['store-claim-deadline-ms'], '--store-claim-deadline-ms', 'claimDeadlineMs'),
    ...msOption(values['store-retry-ms'], '--store-retry-ms', 'retryMs')
  }
  const station = openStation({
    dataDir,
    runtime: 'node-host',
    storeLink,
    storeHub: {
      launcher: nodeChildLauncher(hubEntry, (line) => console.error(line)),
      ...(values['hub-listen'] ? { listen: values['hub-listen'] } : {}),
      ...(hubPort !== undefined ? { port: hubPort } : {})
    }
  })
  const host = await startHost({ station, rendererDir, port, log: (line) => console.error(line) })
  console.log(`Hexiao Station host (${station.mode} mode), data in ${dataDir}`)
  console.log(`Open: ${host.url}`)

  const stop = async () => {
    await host.close()
    await station.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop())
  process.on('SIGTERM', () => void stop())
}

function msOption<K extends string>(
  value: string | undefined,
  flag: string,
  key: K
): Partial<Record<K, number>> {
  if (value === undefined) return {}
  const ms = Number(value)
  if (!Number.isInteger(ms) || ms < 10 || ms > 600_000)
    throw new Error(`${flag} must be a whole number of milliseconds, 10-600000, got ${value}`)
  return { [key]: ms } as Partial<Record<K, number>>
}

main().catch((err: unknown) => {
  // A damaged database names the latest good backup and the restore command (src/main/backup/recovery.ts).
  console.error(describeStartFailure(err))
  process.exit(1)
})
