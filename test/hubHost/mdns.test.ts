/**
 * The mDNS hint (docs/hub.md § Finding the hub): the BUILT hub advertises `_hexiao-hub._tcp` with its epoch when
 * asked (`--mdns on`; by default only when it listens beyond loopback), and a till's 2-second browse finds it.
 * Multicast works in this sandbox (the answer comes from the machine's LAN address); where it does not, the
 * browse finds nothing and set-up still offers the configured address first (test/e2e/storeHubSetup.test.ts).
 * The supervisor is driven directly here: started, its `started` message read, stopped with SIGTERM.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { browseHubs } from '../../src/main/hubHost/discover'
import { nodeChildLauncher } from '../../src/main/hubHost/nodeChild'
import { HubSupervisor, type HubStatus } from '../../src/main/hubHost/supervisor'

const BUILT_HUB = join(process.cwd(), 'out/main/hub.js')
const dirs: string[] = []
const supervisors: HubSupervisor[] = []

function hubDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hexiao-mdns-'))
  chmodSync(dir, 0o755)
  dirs.push(dir)
  return join(dir, 'hub')
}

async function running(mdns: 'on' | 'auto'): Promise<HubStatus> {
  const supervisor = new HubSupervisor({
    launcher: nodeChildLauncher(BUILT_HUB, () => undefined),
    args: ['--data-dir', hubDir(), '--listen', '127.0.0.1', '--port', '0', '--mdns', mdns],
    now: () => Date.now()
  })
  supervisors.push(supervisor)
  supervisor.start()
  const deadline = Date.now() + 90_000
  while (supervisor.status().state !== 'running') {
    if (Date.now() > deadline) throw new Error(`hub did not start: ${JSON.stringify(supervisor.status())}`)
    await new Promise((r) => setTimeout(r, 100))
  }
  return supervisor.status()
}

afterAll(async () => {
  for (const s of supervisors) await s.stop()
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
}, 60_000)

describe('finding the hub by mDNS (a hint)', () => {
  it('a hub asked to advertise is found by a 2-second browse, with its port and epoch', async () => {
    const hub = await running('on')
    const found = await browseHubs(2000)
    const ours = found.filter((f) => f.url.endsWith(`:${hub.port}`))
    expect(ours.length).toBeGreaterThan(0)
    expect(ours[0]!.epoch).toBe(hub.epoch)
    expect(ours[0]!.url).toMatch(/^http:\/\/\d+\.\d+\.\d+\.\d+:\d+$/)
  }, 120_000)

  it('a hub on loopback only does not advertise by default', async () => {
    const hub = await running('auto')
    const found = await browseHubs(2000)
    expect(found.filter((f) => f.url.endsWith(`:${hub.port}`))).toEqual([])
  }, 120_000)

  it('stops the supervised hub with SIGTERM (exit code 0, state stopped)', async () => {
    const supervisor = supervisors[0]!
    const pid = supervisor.status().pid!
    await supervisor.stop()
    expect(supervisor.status()).toMatchObject({ state: 'stopped', pid: null })
    expect(() => process.kill(pid, 0)).toThrow()
  }, 60_000)
})
