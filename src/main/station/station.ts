/**
 * The composition root's running station. Electron's main process and the Node host both call openStation();
 * the transports (ipcMain, the host's WebSocket) hold what it returns for the life of the process.
 *
 * It is a holder: the database, services and handlers belong to the current composition (./compose.ts), and a
 * restore from backup closes that one, swaps the file, composes a new one and swaps the holder to it. The event
 * bus and the handler map the transports hold stay the same objects: each channel of the map calls the current
 * composition's handler, so a request after a restore reaches the restored database with nothing copied.
 */
import { CHANNEL_NAMES } from '../../shared/ipc/names'
import type { StationMode } from '../../shared/ipc/types'
import type { RestoreResult } from '../../shared/reports'
import type { Actor } from '../audit/actor'
import { clockWithNow, systemClock, type Clock } from '../clock/clock'
import { readMode } from '../config/mode'
import { EventBus } from '../ipc/events'
import type { Handlers } from '../ipc/handlers'
import { RECHECK_STAFF } from '../ipc/session'
import type { SecretStore } from '../setup/secrets'
import type { LiveUpstreamConfig } from '../upstream/forMode'
import type { Sandbox } from '../upstream/sandbox'
import type { SwappableUpstream } from '../upstream/swappable'
import type { Db } from '../db/open'
import { compose, type Composition, type CompositionInput, type StationServices } from './compose'
import { restoreFromBackup } from './restore'

export type { StationServices } from './compose'

export interface StationOptions {
  dataDir: string
  runtime: 'electron' | 'node-host'
  /** Force a mode instead of reading mode.json (tests). */
  mode?: StationMode
  /** Live-mode WeChat connection; default: the one set-up saved (setup.json + the secret store). */
  live?: LiveUpstreamConfig | null
  /** Where set-up keeps secrets. Default: <dataDir>/live/secrets.json, not encrypted (Electron passes safeStorage). */
  secrets?: SecretStore
  /** Start the background work (card cache refresh, outbox worker). Default true. */
  background?: boolean
  /** The one clock every service reads (tests). Default: the system clock. */
  clock?: Clock
  /** Tests: a "now" for every service, with real timers (shorthand for a clock). */
  now?: () => number
  /** Tests: see OpenOptions.fullCheckAtOpenBytes (src/main/db/open.ts). */
  fullCheckAtOpenBytes?: number
  /** How often the printer's state is read while idle (ms); default 5 s, 0 = only before jobs. */
  printerPollMs?: number
  /** The store hub link's claim deadline and retry pause (tests shorten them). */
  storeLink?: { claimDeadlineMs?: number; retryMs?: number; heartbeatMs?: number }
  /** How the store hub runs here when set-up makes this till the hub (see CompositionInput.storeHub). */
  storeHub?: CompositionInput['storeHub']
  /** The chain lane's poll and backoff timings (tests shorten them). */
  chainLink?: { pollMs?: number; idlePollMs?: number; backoffBaseMs?: number; backoffMaxMs?: number }
  /** The runtime's own restart after going live (Electron relaunches itself); none in the Node host. */
  restart?: () => void
}

export interface Station {
  readonly mode: StationMode
  readonly dataDir: string
  readonly runtime: StationOptions['runtime']
  /** Stays the same object across restores: transports subscribe once. */
  readonly events: EventBus
  /** Stays the same object across restores: each channel calls the current composition's handler. */
  readonly handlers: Handlers
  /** The current composition's parts (they change after a restore). */
  readonly db: Db
  readonly schemaVersion: number
  readonly upstream: SwappableUpstream
  readonly sandbox: Sandbox | null
  readonly services: StationServices
  /** A manager's restore while the station runs (backups.restore): see ./restore.ts. */
  restore(file: string, confirmDate: string, by: Actor): Promise<RestoreResult>
  close(): Promise<void>
}

export function openStation(options: StationOptions): Station {
  const clock = options.clock ?? (options.now ? clockWithNow(options.now) : systemClock)
  const mode = options.mode ?? readMode(options.dataDir)
  const events = new EventBus()
  const background = options.background !== false
  const composeNow = (): Composition =>
    compose({
      dataDir: options.dataDir,
      mode,
      runtime: options.runtime,
      clock,
      emit: (event, payload) => events.emit(event, payload),
      ...(options.live !== undefined ? { live: options.live } : {}),
      ...(options.secrets ? { secrets: options.secrets } : {}),
      background,
      ...(options.fullCheckAtOpenBytes !== undefined
        ? { fullCheckAtOpenBytes: options.fullCheckAtOpenBytes }
        : {}),
      ...(options.printerPollMs !== undefined ? { printerPollMs: options.printerPollMs } : {}),
      restart: options.restart ?? null,
      ...(options.storeLink ? { storeLink: options.storeLink } : {}),
      ...(options.storeHub ? { storeHub: options.storeHub } : {}),
      ...(options.chainLink ? { chainLink: options.chainLink } : {}),
      restore: (file, confirmDate, by) => restore(file, confirmDate, by)
    })
  const open = (): Composition => {
    const next = composeNow()
    if (background) next.start()
    return next
  }
  let current = open()

  const restore = (file: string, confirmDate: string, by: Actor): Promise<RestoreResult> =>
    restoreFromBackup({
      dataDir: options.dataDir,
      mode,
      current: () => current,
      reopen: () => open(),
      swap: (next) => {
        current = next
      },
      file,
      confirmDate,
      by,
      now: clock.now()
    })

  const handlers = {} as Record<string | symbol, unknown>
  for (const channel of CHANNEL_NAMES)
    handlers[channel] = (request: never, context: never) =>
      (current.handlers[channel] as (r: never, c: never) => unknown)(request, context)
  handlers[RECHECK_STAFF] = (staffId: string) => current.handlers[RECHECK_STAFF]?.(staffId) ?? null

  return {
    mode,
    dataDir: options.dataDir,
    runtime: options.runtime,
    events,
    handlers: handlers as Handlers,
    get db() {
      return current.db
    },
    get schemaVersion() {
      return current.schemaVersion
    },
    get upstream() {
      return current.upstream
    },
    get sandbox() {
      return current.sandbox
    },
    get services() {
      return current.services
    },
    restore,
    close: () => current.close()
  }
}
