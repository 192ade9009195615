/**
 * The store hub in a network namespace of its own, the tills reaching it over a veth pair (CI runs as root).
 * The fault is the kernel's: the tills' end of the veth goes down (a pulled cable), two tills redeem the same
 * code meanwhile, the link comes back, and the invariants hold. Where namespaces cannot be made (not root, no
 * `ip netns`), the run is skipped with a message saying why, and that message is tested here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkInvariants, type Injected } from './invariants'
import { makeHubNamespace, netnsSupport, type HubNamespace, type Run } from './netns'
import { startRig, type Rig } from './rig'
import { injectDuplicate, PLAIN_CODES, raceOne } from './store'

const support = netnsSupport()
if (!support.ok) console.warn(support.message)

describe('when the machine cannot make network namespaces', () => {
  const ok: Run = () => ({ status: 0, stderr: '', error: undefined })

  it('says it is Linux only', () => {
    expect(netnsSupport({ platform: 'win32', uid: undefined, run: ok })).toEqual({
      ok: false,
      message: 'Store hub network-namespace run skipped: network namespaces are Linux only (this is win32).'
    })
  })

  it('says root is needed, and which user this is', () => {
    expect(netnsSupport({ platform: 'linux', uid: 1000, run: ok })).toEqual({
      ok: false,
      message:
        'Store hub network-namespace run skipped: `ip netns` needs root (CI runs as root); this run is uid 1000.'
    })
  })

  it('says `ip netns` is missing, with the reason', () => {
    const missing: Run = () => ({ status: null, stderr: '', error: new Error('spawnSync ip ENOENT') })
    expect(netnsSupport({ platform: 'linux', uid: 0, run: missing })).toEqual({
      ok: false,
      message:
        'Store hub network-namespace run skipped: `ip netns` is not available here (spawnSync ip ENOENT).'
    })
    const refused: Run = () => ({
      status: 1,
      stderr: 'mount --make-shared /run/netns failed: Operation not permitted\n',
      error: undefined
    })
    expect(netnsSupport({ platform: 'linux', uid: 0, run: refused })).toMatchObject({
      ok: false,
      message: expect.stringContaining('Operation not permitted')
    })
  })

  it('probes with a namespace of its own and removes it', () => {
    const calls: string[] = []
    const record: Run = (cmd, args) => {
      calls.push([cmd, ...args].join(' '))
      return { status: 0, stderr: '', error: undefined }
    }
    expect(netnsSupport({ platform: 'linux', uid: 0, run: record })).toEqual({ ok: true })
    expect(calls).toHaveLength(2)
    expect(calls[0]).toMatch(/^ip netns add hxprobe\d+$/)
    expect(calls[1]).toBe(calls[0]!.replace(' add ', ' del '))
  })
})

describe.skipIf(!support.ok)('the store hub in its own network namespace (veth)', () => {
  let ns: HubNamespace
  let rig: Rig
  const injected: Injected = { codes: new Set() }

  beforeAll(async () => {
    ns = makeHubNamespace()
    rig = await startRig({
      tills: 2,
      timings: { claimDeadlineMs: 2_500, retryMs: 200 },
      storeId: 'store-netns',
      netns: { name: ns.name, hubHost: ns.hubHost, facts: ns.facts }
    })
  }, 180_000)

  afterAll(async () => {
    await rig?.close()
    ns?.remove()
  }, 120_000)

  it('a pulled cable: both tills decide unchecked; plugged back, the collision is reported once', async () => {
    const [t1, t2] = rig.tills
    expect(rig.hub.url).toContain(ns.hubHost)
    ns.unplug(true)
    try {
      expect(await injectDuplicate(t1!, t2!, PLAIN_CODES[0]!, injected)).toBeNull()
    } finally {
      ns.unplug(false)
    }
    await rig.settled()
    const race = await raceOne(rig.tills, PLAIN_CODES[1]!, [0, 0])
    expect(race.accepted.map((r) => r.unchecked)).toEqual([false])
    await rig.settled()
    const report = await checkInvariants(rig, injected)
    expect(report.problems).toEqual([])
    expect(report.conflicts).toBe(1)
  }, 120_000)
})
