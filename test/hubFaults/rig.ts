/**
 * A store for the fault runs: one hub process (its own embedded PostgreSQL) and N till processes (the built
 * host), each till behind its own TCP proxy to the hub, all paired through `storeLink.pair` with codes from the
 * hub's admin API. The invariants every fault is followed by live in invariants.ts.
 */
import { rmSync } from 'node:fs'
import { hubDataDir, removeHubDataDirs } from '../hub/support'
import {
  adminPairingCode,
  hubFacts,
  killHubProcess,
  startHubProcess,
  stopHubProcess,
  until,
  type HubFacts,
  type HubProcess
} from './hubProcess'
import { startProxy, type TcpProxy } from './proxy'
import { startTill, type Till, type TillTimings } from './tillProcess'

export interface RigOptions {
  tills: number
  timings: TillTimings
  storeId?: string
  /** Run the hub in this network namespace, listening on `hubHost` (see netns.ts). */
  netns?: { name: string; hubHost: string; facts: (hubDir: string) => Promise<HubFacts> }
}

export interface Rig {
  readonly storeId: string
  readonly hubDir: string
  hub: HubProcess
  readonly tills: Till[]
  readonly proxies: TcpProxy[]
  /** A new hub process on the same data directory and port (after a stop, a kill or a wipe). */
  startHub(): Promise<HubProcess>
  stopHub(): Promise<number | null>
  /** Pairs every till (or the ones given) through its proxy with a fresh admin pairing code. */
  pair(tills?: Till[]): Promise<void>
  /** The hub's tables (its PostgreSQL is on the loopback of the hub's own network namespace). */
  hubFacts(): Promise<HubFacts>
  /** Every till connected (feed open, last request answered) and nothing waiting. */
  settled(ms?: number): Promise<void>
  close(): Promise<void>
}

export async function startRig(o: RigOptions): Promise<Rig> {
  const storeId = o.storeId ?? 'store-faults'
  const hubDir = hubDataDir()
  const hubHost = o.netns?.hubHost ?? '127.0.0.1'
  let port: number | undefined
  const launch = async (): Promise<HubProcess> => {
    const hub = await startHubProcess({
      dataDir: hubDir,
      storeId,
      // The watchdog off: the postmaster fault tests the hub that refuses clearly until it is restarted whole
      // (a service manager's job then); the watchdog's own restart is tested under the chain lane
      // (chainFaults.test.ts).
      pgWatchMs: 0,
      ...(port !== undefined ? { port } : {}),
      ...(o.netns ? { netns: o.netns.name, listen: hubHost } : {})
    })
    port = hub.port
    return hub
  }
  const tills: Till[] = []
  const proxies: TcpProxy[] = []
  const rig: Rig = {
    storeId,
    hubDir,
    hub: await launch(),
    tills,
    proxies,
    startHub: async () => {
      rig.hub = await launch()
      return rig.hub
    },
    stopHub: () => stopHubProcess(rig.hub),
    hubFacts: () => (o.netns ? o.netns.facts(hubDir) : hubFacts(hubDir)),
    pair: async (which = tills) => {
      for (const till of which) {
        const proxy = proxies[tills.indexOf(till)]!
        const code = await adminPairingCode(rig.hub.url, hubDir)
        await till.pair(proxy.url, code, storeId)
      }
    },
    settled: async (ms = 45_000) => {
      await until(
        async () => {
          const links = await Promise.all(tills.map((t) => t.link()))
          return links.every((l) => l.status === 'connected' && l.waiting === 0)
        },
        'every till connected with nothing waiting',
        ms
      )
    },
    close: async () => {
      for (const till of tills) {
        await till.stop().catch(() => undefined)
        rmSync(till.dataDir, { recursive: true, force: true })
      }
      for (const proxy of proxies) await proxy.close()
      const code = await stopHubProcess(rig.hub).catch(() => null)
      if (code === null) await killHubProcess(rig.hub)
      removeHubDataDirs()
    }
  }
  for (let i = 0; i < o.tills; i++) {
    proxies.push(await startProxy({ host: hubHost, port: rig.hub.port }))
    tills.push(await startTill(`till-${i + 1}`, o.timings))
  }
  await rig.pair()
  await rig.settled()
  return rig
}
