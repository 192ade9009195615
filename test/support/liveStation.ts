/**
 * A real LIVE station (live database, live policy defaults, the production WeChat client) talking over real
 * HTTP on loopback to the sandbox server, which models only what WeChat documents. Partitions on the sandbox
 * make the station offline the way a real outage does: its requests fail on the wire.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Session } from '../../src/main/ipc/session'
import type { Actor } from '../../src/main/audit/actor'
import { writeSetting } from '../../src/main/db/settings'
import { writeIdentity } from '../../src/main/config/identity'
import { openStation, type Station, type StationOptions } from '../../src/main/station/station'
import {
  createTrainingSandbox,
  startSandboxServer,
  TRAINING_APP_ID,
  TRAINING_APP_SECRET,
  TRAINING_STORE_LOCATION_ID,
  type Sandbox,
  type SandboxServer
} from '../../src/main/upstream/sandbox'
import type { RulesPolicy } from '../../src/shared/rules'

export interface LiveTestStation {
  station: Station
  sandbox: Sandbox
  server: SandboxServer
  manager: Actor
  cashier: Actor
  session: Session
  /** The station's clock runs this far behind real time (the sync worker and the sandbox keep real time). */
  clock: { lagMs: number }
  close(): Promise<void>
}

export async function liveStation(options: Partial<StationOptions> = {}): Promise<LiveTestStation> {
  const clock = { lagMs: 0 }
  const sandbox = createTrainingSandbox({ now: Date.now })
  const server = await startSandboxServer({ sandbox })
  const station = openStation({
    dataDir: mkdtempSync(join(tmpdir(), 'hexiao-live-')),
    runtime: 'node-host',
    mode: 'live',
    live: {
      baseUrl: server.url,
      credentials: { kind: 'appSecret', appId: TRAINING_APP_ID, appSecret: TRAINING_APP_SECRET }
    },
    now: () => Date.now() - clock.lagMs,
    ...options
  })
  // The store the sandbox's cards are valid at (set-up would enter it).
  writeIdentity(station.db, {
    ...station.services.settings.identity(),
    storeLocationId: TRAINING_STORE_LOCATION_ID
  })
  const manager = await station.services.staff.create({ name: '王店长', role: 'manager', pin: '2468' }, null)
  const cashier = await station.services.staff.create({ name: '李娜', role: 'cashier', pin: '1357' }, manager)
  const session = new Session('live-test')
  session.signIn(cashier)
  return {
    station,
    sandbox,
    server,
    manager,
    cashier,
    session,
    clock,
    close: async () => {
      await station.close()
      await server.close()
      rmSync(station.dataDir, { recursive: true, force: true })
    }
  }
}

/** A manager changes the live policy (as the Settings page does). */
export function setOfflinePolicy(t: LiveTestStation, offline: Partial<RulesPolicy['offline']>): void {
  const policy = t.station.services.settings.policy()
  t.station.services.settings.setPolicy({ ...policy, offline: { ...policy.offline, ...offline } })
}

/** Custom-code rules (prefix → card), as the Settings page saves them. */
export function setCustomCodeRules(
  t: LiveTestStation,
  rules: Array<{ prefix: string; cardId: string }>
): void {
  writeSetting(t.station.db, 'scan.customCodeRules', rules)
}

export async function until(check: () => boolean, what: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
