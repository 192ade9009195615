/**
 * `npm run hub -- --data-dir <dir> [--port N] [--listen 127.0.0.1|0.0.0.0] [--database-url postgres://…]
 *   [--store-id S] [--pg-bin DIR] [--os-user NAME] [--mdns auto|on|off] [--chain-url http://hq…]
 *   [--quiet-after-minutes N] [--pg-watch-ms N]`
 * Runs the store hub (docs/hub.md): starts its PostgreSQL, prints the address and a pairing code, and stops
 * PostgreSQL cleanly on SIGINT/SIGTERM.
 *
 * Supervised by a station (docs/hub.md § The station side): started with an IPC channel (a Node child process)
 * or as an Electron utility process, it also tells its parent `started` or `failed` with the start error's
 * code, and stops itself when the parent goes away, so a station killed hard leaves no hub behind.
 */
import { parseArgs } from 'node:util'
import { hubIdSchema } from '../shared/hub/protocol'
import { advertiseHub, type Advertisement } from './advertise'
import { HubStartError } from './errors'
import { startHub } from './hub'

/** What a supervised hub tells its parent (src/main/hubHost/supervisor.ts reads the same shape). */
export type HubParentMessage =
  | { type: 'started'; url: string; port: number; epoch: string; storeId: string | null }
  | { type: 'failed'; code: string; message: string }

interface ParentPort {
  postMessage(message: unknown): void
}
/** Electron's utility process has process.parentPort; a Node child forked with 'ipc' has process.send. */
const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort
function tellParent(message: HubParentMessage): Promise<void> {
  if (parentPort) parentPort.postMessage(message)
  else if (process.send && process.connected)
    // Resolves once the message is handed to the channel, so an exit right after does not lose it.
    return new Promise((resolve) => process.send!(message, undefined, {}, () => resolve()))
  return Promise.resolve()
}

let parentGone = false
let onParentGone = (): void => {
  parentGone = true
}
// The supervising station is gone (even killed with SIGKILL): stop as if told to, also mid-start.
if (process.send) process.on('disconnect', () => onParentGone())

const USAGE = [
  'usage: npm run hub -- --data-dir <dir> [--port N] [--listen 127.0.0.1|0.0.0.0|<address>] [--database-url postgres://…] [--store-id ID] [--pg-bin DIR] [--os-user NAME] [--mdns auto|on|off] [--chain-url http://hq…] [--quiet-after-minutes N] [--pg-watch-ms N]',
  '       npm run hub -- --data-dir <dir> [--database-url …] --add-hq-admin <login> [--name NAME]',
  '       npm run hub -- --data-dir <dir> [--database-url …] --add-hq-viewer <login> --region REGION [--name NAME]',
  '       npm run hub -- --data-dir <dir> [--database-url …] --reset-hq-password <login>',
  '  (the HQ user commands print a new random password once, then exit; docs/hq-runbook.en.md, docs/hq-runbook.zh-CN.md)'
].join('\n')

async function main(): Promise<void> {
  let values
  try {
    values = parseArgs({
      options: {
        'data-dir': { type: 'string' },
        port: { type: 'string', default: '0' },
        listen: { type: 'string', default: '127.0.0.1' },
        'database-url': { type: 'string' },
        'store-id': { type: 'string' },
        'pg-bin': { type: 'string' },
        'os-user': { type: 'string' },
        mdns: { type: 'string', default: 'auto' },
        // A store hub that forwards its tills' chain lane to HQ (docs/chain.md § Two paths).
        'chain-url': { type: 'string' },
        // HQ's "gone quiet" threshold when the page does not choose one (docs/hq.md); a fraction for a demo.
        'quiet-after-minutes': { type: 'string', default: '60' },
        // The embedded PostgreSQL's watchdog (docs/hub.md § Embedded PostgreSQL); 0 leaves restarts to a service manager.
        'pg-watch-ms': { type: 'string', default: '1000' },
        'add-hq-admin': { type: 'string' },
        'add-hq-viewer': { type: 'string' },
        'reset-hq-password': { type: 'string' },
        name: { type: 'string' },
        region: { type: 'string' },
        help: { type: 'boolean' }
      }
    }).values
  } catch (err) {
    throw new HubStartError(
      'HUB_BAD_ARGUMENT',
      `${err instanceof Error ? err.message : String(err)}\n${USAGE}`
    )
  }
  if (values.help) {
    console.log(USAGE)
    return
  }
  if (!values['data-dir']) throw new HubStartError('HUB_BAD_ARGUMENT', `--data-dir is required.\n${USAGE}`)
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new HubStartError('HUB_BAD_ARGUMENT', `--port must be 0-65535, got ${values.port}`)
  const storeId = values['store-id']
  if (storeId !== undefined && !hubIdSchema.safeParse(storeId).success)
    throw new HubStartError(
      'HUB_BAD_ARGUMENT',
      `--store-id must be 1-64 letters, digits or . _ : -, got "${storeId}"`
    )

  const chainUrl = values['chain-url']
  if (chainUrl !== undefined && !/^https?:\/\/[^/]/.test(chainUrl))
    throw new HubStartError(
      'HUB_BAD_ARGUMENT',
      `--chain-url must be the chain hub's http(s) address, got "${chainUrl}"`
    )

  const quietAfterMinutes = Number(values['quiet-after-minutes'])
  if (!Number.isFinite(quietAfterMinutes) || quietAfterMinutes <= 0 || quietAfterMinutes > 7 * 24 * 60)
    throw new HubStartError(
      'HUB_BAD_ARGUMENT',
      `--quiet-after-minutes must be a number of minutes above 0 and at most 10080 (a week), got "${values['quiet-after-minutes']}"`
    )
  const pgWatchMs = Number(values['pg-watch-ms'])
  if (!Number.isInteger(pgWatchMs) || pgWatchMs < 0 || pgWatchMs > 600_000)
    throw new HubStartError(
      'HUB_BAD_ARGUMENT',
      `--pg-watch-ms must be 0 (no watchdog) to 600000 milliseconds, got "${values['pg-watch-ms']}"`
    )

  const hub = await startHub({
    quietAfterMs: Math.round(quietAfterMinutes * 60_000),
    pgWatchMs,
    dataDir: values['data-dir'],
    port,
    listen: values.listen,
    ...(values['database-url'] ? { databaseUrl: values['database-url'] } : {}),
    ...(storeId ? { storeId } : {}),
    ...(values['pg-bin'] ? { pgBin: values['pg-bin'] } : {}),
    ...(values['os-user'] ? { osUser: values['os-user'] } : {}),
    ...(values['chain-url'] ? { chainUrl: values['chain-url'] } : {})
  })
  const userCommand = values['add-hq-admin'] ?? values['add-hq-viewer'] ?? values['reset-hq-password']
  if (userCommand !== undefined) {
    try {
      const made = values['reset-hq-password']
        ? await hub.hq.auth.resetPassword(userCommand)
        : await hub.hq.auth.addUser({
            login: userCommand,
            role: values['add-hq-admin'] ? 'hq_admin' : 'regional_viewer',
            ...(values.name ? { name: values.name } : {}),
            ...(values.region ? { region: values.region } : {})
          })
      console.log(`HQ user: ${made.login}`)
      console.log(`Password (shown once, give it to the user): ${made.password}`)
      console.log(`The HQ page: ${hub.url}/hq (when the hub runs)`)
    } catch (err) {
      console.error(`HQ user not changed: ${err instanceof Error ? err.message : String(err)}`)
      process.exitCode = 1
    }
    await hub.stop()
    return
  }
  const loopbackOnly = ['127.0.0.1', 'localhost', '::1'].includes(values.listen)
  const advertise = values.mdns === 'on' || (values.mdns === 'auto' && !loopbackOnly)
  const ad: Advertisement | null = advertise
    ? advertiseHub(hub.port, { epoch: hub.epoch, storeId: hub.storeId }, (line) => console.error(line))
    : null
  void tellParent({ type: 'started', url: hub.url, port: hub.port, epoch: hub.epoch, storeId: hub.storeId })
  const until = new Date(hub.pairing.expiresAt).toISOString().slice(11, 16)
  console.log(`Hexiao store hub listening on ${hub.url} (epoch ${hub.epoch})`)
  console.log(`Store: ${hub.storeId ?? '(not set yet: the first till to pair sets it)'}`)
  if (values.listen === '127.0.0.1')
    console.log(
      'Only this computer can reach it; start with --listen 0.0.0.0 to serve the tills of the store LAN.'
    )
  console.log("To pair a till, enter this hub's address and the pairing code in the till's set-up.")
  console.log(`Pairing code: ${hub.pairing.code} (single use, valid until ${until} UTC)`)
  console.log(
    `HQ page: ${hub.url}/hq (first HQ admin: stop the hub, run it once with --add-hq-admin <login>)`
  )
  console.log(
    `A new code: POST ${hub.url}/v1/admin/pairing-codes with the admin token in ${values['data-dir']}/admin-token`
  )

  if (values['chain-url']) console.log(`Tills' chain lane is forwarded to ${values['chain-url']}`)

  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`${signal}: stopping the hub…`)
    ;(ad ? ad.stop() : Promise.resolve())
      .then(() => hub.stop())
      .then(() => {
        console.log('Hub stopped.')
        process.exit(0)
      })
      .catch((err: unknown) => {
        console.error(`Hub stop failed: ${err instanceof Error ? err.message : String(err)}`)
        process.exit(1)
      })
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
  onParentGone = () => stop('parent gone')
  if (parentGone) stop('parent gone')
}

main().catch(async (err: unknown) => {
  if (err instanceof HubStartError) console.error(`Hub did not start [${err.code}]: ${err.message}`)
  else console.error(`Hub did not start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`)
  await tellParent({
    type: 'failed',
    code: err instanceof HubStartError ? err.code : 'HUB_START_FAILED',
    message: err instanceof Error ? err.message : String(err)
  })
  process.exit(1)
})
