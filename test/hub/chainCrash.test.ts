/**
 * kill -9 of an ingest process mid-batch (docs/chain.md § Guarantees): the BUILT hub (out/main/hub.js) runs as a
 * child process on the database of an in-process hub, takes batches of several tills at once, and is killed with
 * SIGKILL while batches are in flight. The tills then send everything again to the surviving hub: every event is
 * held exactly once, every redemption once, each cursor at the till's last seq; sending it all once more changes
 * no counts.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHub, type RunningHub } from '../../src/hub/hub'
import type { EventsResponse } from '../../src/shared/hub/chainProtocol'
import { hubDataDir, removeHubDataDirs } from './support'
import { addStore, counts, enrol, redeemed, send, type LaneTill } from './chainSupport'

const BUILT_HUB = join(process.cwd(), 'out/main/hub.js')
let hub: RunningHub
let child: ChildProcess | undefined

beforeAll(async () => {
  hub = await startHub({ dataDir: hubDataDir(), log: () => {} })
  await addStore(hub, 'crash-a', '甲店')
  await addStore(hub, 'crash-b', '乙店')
}, 120_000)

afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL')
  await hub?.stop()
  removeHubDataDirs()
}, 60_000)

async function startChild(databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  if (!existsSync(BUILT_HUB))
    throw new Error(`${BUILT_HUB} is missing: run \`npx electron-vite build\` first.`)
  const proc = spawn(
    process.execPath,
    [BUILT_HUB, '--data-dir', hubDataDir(), '--database-url', databaseUrl],
    {
      stdio: ['ignore', 'pipe', 'pipe']
    }
  )
  let output = ''
  proc.stdout?.on('data', (c: Buffer) => (output += c.toString()))
  proc.stderr?.on('data', (c: Buffer) => (output += c.toString()))
  const deadline = Date.now() + 60_000
  for (;;) {
    const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)
    if (match) return { url: match[1]!, child: proc }
    if (proc.exitCode !== null || Date.now() > deadline) throw new Error(`hub did not start:\n${output}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

describe('an ingest process killed mid-batch', () => {
  it('loses nothing and applies nothing twice', async () => {
    const d = hub.database
    const url = `postgres://${d.user}:${encodeURIComponent(String(d.password))}@${d.host}:${d.port}/${d.database}`
    const started = await startChild(url)
    child = started.child
    const exited = new Promise<void>((resolve) => child!.once('exit', () => resolve()))

    const tills: LaneTill[] = []
    for (let i = 0; i < 4; i++) tills.push(await enrol(hub, i % 2 ? 'crash-b' : 'crash-a', `crash-${i}`))
    for (const till of tills) for (let n = 0; n < 1500; n++) redeemed(till, `${till.tillId}-${n}`)
    const total = tills.length * 1500

    // Every till sends its whole lane to the child, batch after batch; the child is killed after the first answers.
    let answered = 0
    let cut = 0
    const streams = tills.map(async (till) => {
      for (let from = 0; from < till.made.length; from += 500) {
        const r = await send(started.url, till, till.made.slice(from, from + 500)).catch(() => null)
        if (r === null) {
          cut++
          return
        }
        answered++
      }
    })
    while (answered < 2) await new Promise((r) => setTimeout(r, 5))
    child.kill('SIGKILL')
    await Promise.all(streams)
    await exited
    expect(cut).toBeGreaterThan(0) // batches were on the wire when it died

    const mid = await counts(hub.store.pool)
    expect(mid.till_events).toBeGreaterThan(0)
    expect(mid.till_events).toBeLessThan(total)
    expect(mid.redemptions).toBe(mid.till_events) // a batch is all in or all out

    // The tills send everything again, to the survivor.
    for (const till of tills)
      for (let from = 0; from < till.made.length; from += 500) {
        const r = await send(hub.url, till, till.made.slice(from, from + 500))
        expect(r.status).toBe(200)
      }
    for (const till of tills) {
      const last = (await send(hub.url, till, [])).body.value as EventsResponse
      expect(last.ackSeq).toBe(till.made.length)
    }
    const after = await counts(hub.store.pool)
    expect(after).toEqual({ till_events: total, redemptions: total, code_claims: total, chain_duplicates: 0 })
    // Once more, everything: no count moves.
    for (const till of tills)
      for (let from = 0; from < till.made.length; from += 500)
        await send(hub.url, till, till.made.slice(from, from + 500))
    expect(await counts(hub.store.pool)).toEqual(after)
  }, 120_000)
})
