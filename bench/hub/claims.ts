/**
 * Claim latency at the store hub (docs/performance.md § Store hub): a real hub with its embedded PostgreSQL on
 * loopback, paired tills claiming distinct codes back to back, beside two bare figures measured in the same run:
 * an HTTP round trip to a trivial node:http server (same client, same body size) and a bare durable PostgreSQL
 * commit (one INSERT with synchronous_commit on) — a claim costs about one of each.
 *
 *   node bench/run.mjs bench/hub/claims.ts [--claims 2000] [--tills 1,5,10] [--paced 600]
 */
import { randomUUID } from 'node:crypto'
import { chmodSync, mkdtempSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import WebSocket from 'ws'
import { startHub } from '../../src/hub/hub'
import { HUB_STORE_HEADER } from '../../src/shared/hub/protocol'

const STORE = 'bench-store'

function stats(samples: number[]): { n: number; p50: number; p95: number; p99: number; max: number } {
  const s = [...samples].sort((a, b) => a - b)
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN
  return { n: s.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: s.at(-1) ?? NaN }
}
const ms = (x: number) => x.toFixed(2)
const line = (label: string, st: ReturnType<typeof stats>, bare?: number) =>
  console.log(
    `${label.padEnd(38)} n=${String(st.n).padStart(5)}  p50 ${ms(st.p50)} ms  p95 ${ms(st.p95)} ms  p99 ${ms(st.p99)} ms  max ${ms(st.max)} ms` +
      (bare ? `  (p50 ${(st.p50 / bare).toFixed(1)}× bare HTTP)` : '')
  )

export async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      claims: { type: 'string', default: '2000' },
      tills: { type: 'string', default: '1,5,10' },
      paced: { type: 'string', default: '600' }
    }
  })
  const total = Number(values.claims)
  const tillCounts = values.tills.split(',').map(Number)

  const root = mkdtempSync(join(tmpdir(), 'hexiao-hub-bench-'))
  chmodSync(root, 0o755)
  const hub = await startHub({ dataDir: join(root, 'hub'), storeId: STORE, log: () => undefined })
  try {
    const maxTills = Math.max(...tillCounts)
    const tills: { id: string; token: string }[] = []
    for (let i = 1; i <= maxTills; i++) {
      const { code } = await hub.store.newPairingCode()
      const res = await fetch(`${hub.url}/v1/pair`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ pairingCode: code, storeId: STORE, tillId: `till-${i}`, tillName: `${i}号机` })
      })
      const body = (await res.json()) as { value: { token: string } }
      tills.push({ id: `till-${i}`, token: body.value.token })
    }
    const claimOnce = async (till: { id: string; token: string }, code: string): Promise<number> => {
      const body = JSON.stringify({
        redemptionId: randomUUID(),
        cardId: 'pBenchCard',
        code,
        till: till.id,
        cashier: { id: 'c1', name: '收银员' },
        amountFen: 1000,
        at: Date.now()
      })
      const t0 = performance.now()
      const res = await fetch(`${hub.url}/v1/claims`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${till.token}`,
          [HUB_STORE_HEADER]: STORE
        },
        body
      })
      const parsed = (await res.json()) as { ok: boolean }
      const elapsed = performance.now() - t0
      if (!parsed.ok) throw new Error(`claim failed: ${JSON.stringify(parsed)}`)
      return elapsed
    }

    // Bare HTTP: the same client and a body of the same size to a server that only answers.
    const bare = createServer((req, res) => {
      req.resume()
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end('{"ok":true,"value":{"outcome":"granted"}}')
      })
    })
    await new Promise<void>((r) => bare.listen(0, '127.0.0.1', () => r()))
    const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/`
    const bareSamples: number[] = []
    const sampleBody = JSON.stringify({
      redemptionId: randomUUID(),
      cardId: 'pBenchCard',
      code: '123456789012',
      till: 'till-1',
      cashier: { id: 'c1', name: '收银员' },
      amountFen: 1000,
      at: Date.now()
    })
    for (let i = 0; i < total + 200; i++) {
      const t0 = performance.now()
      const res = await fetch(bareUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: sampleBody
      })
      await res.json()
      if (i >= 200) bareSamples.push(performance.now() - t0)
    }
    bare.close()

    // Bare durable commit on the hub's own PostgreSQL.
    const client = await hub.store.pool.connect()
    await client.query('CREATE TABLE IF NOT EXISTS bench_commit (id bigserial PRIMARY KEY, v text)')
    const commitSamples: number[] = []
    for (let i = 0; i < Math.min(total, 1000); i++) {
      const t0 = performance.now()
      await client.query('INSERT INTO bench_commit (v) VALUES ($1)', [String(i)])
      commitSamples.push(performance.now() - t0)
    }
    await client.query('DROP TABLE bench_commit')
    client.release()

    const bareHttp = stats(bareSamples)
    console.log(
      `Store hub claim latency (${new Date().toISOString()}, ${process.platform} ${process.arch}, Node ${process.version})`
    )
    line('bare HTTP round trip', bareHttp)
    line('bare durable INSERT (one commit)', stats(commitSamples))

    // Warm-up, then N tills claiming distinct codes back to back, all at once.
    for (let i = 0; i < 100; i++) await claimOnce(tills[0]!, `warm-${i}`)
    let run = 0
    for (const n of tillCounts) {
      run++
      const perTill = Math.ceil(total / n)
      const samples: number[] = []
      const t0 = performance.now()
      await Promise.all(
        tills.slice(0, n).map(async (till) => {
          for (let i = 0; i < perTill; i++) samples.push(await claimOnce(till, `r${run}-${till.id}-${i}`))
        })
      )
      const seconds = (performance.now() - t0) / 1000
      line(`claim, ${n} till${n > 1 ? 's' : ''} back to back`, stats(samples), bareHttp.p50)
      console.log(`${''.padEnd(38)} ${(samples.length / seconds).toFixed(0)} claims/s`)
    }

    // A busy store: 10 tills, each scanning twice a second (far above a real counter's rate), for `paced` claims.
    const paced: number[] = []
    const pacedTills = tills.slice(0, Math.min(10, tills.length))
    const perPaced = Math.ceil(Number(values.paced) / pacedTills.length)
    await Promise.all(
      pacedTills.map(async (till, t) => {
        await new Promise((r) => setTimeout(r, t * 50)) // spread the tills over the half second
        for (let i = 0; i < perPaced; i++) {
          const t0 = performance.now()
          paced.push(await claimOnce(till, `paced-${till.id}-${i}`))
          await new Promise((r) => setTimeout(r, Math.max(0, 500 - (performance.now() - t0))))
        }
      })
    )
    line(`claim, ${pacedTills.length} tills at 2 claims/s each`, stats(paced), bareHttp.p50)

    // Visibility lag: till 1 claims (10 a second), till 2 listens on the WebSocket feed. Measured from the moment
    // till 1 holds its granted answer to the moment the event reaches till 2 (negative: the push came first).
    if (tills.length >= 2) {
      const listener = tills[1]!
      const startSeq = (await hub.store.feed(0, 1)).lastSeq
      const ws = new WebSocket(`${hub.url.replace('http', 'ws')}/v1/feed?after=${startSeq}`, {
        headers: { authorization: `Bearer ${listener.token}`, [HUB_STORE_HEADER]: STORE }
      })
      const arrived = new Map<string, number>()
      ws.on('message', (data: Buffer) => {
        const now = performance.now()
        const frame = JSON.parse(data.toString()) as { type: string; events?: { code: string }[] }
        for (const e of frame.events ?? []) arrived.set(e.code, now)
      })
      await new Promise((r) => ws.once('open', r))
      const granted = new Map<string, number>()
      const n = Math.min(300, Number(values.paced))
      for (let i = 0; i < n; i++) {
        const code = `lag-${i}`
        const t0 = performance.now()
        await claimOnce(tills[0]!, code)
        granted.set(code, performance.now())
        await new Promise((r) => setTimeout(r, Math.max(0, 100 - (performance.now() - t0))))
      }
      await new Promise((r) => setTimeout(r, 500))
      ws.close()
      const lags = [...granted].map(([code, t]) => (arrived.get(code) ?? NaN) - t)
      const missing = lags.filter((x) => Number.isNaN(x)).length
      line('visibility lag, granted → other till', stats(lags.filter((x) => !Number.isNaN(x))))
      if (missing) console.log(`${''.padEnd(38)} ${missing} events never arrived`)
    }

    // A DUPLICATE answer (the code is held): no new claim, one collision row.
    const dupSamples: number[] = []
    await claimOnce(tills[0]!, 'dup-code')
    for (let i = 0; i < Math.min(total, 1000); i++)
      dupSamples.push(await claimOnce(tills[1] ?? tills[0]!, 'dup-code'))
    line('duplicate answer, 1 till', stats(dupSamples), bareHttp.p50)
  } finally {
    await hub.stop()
  }
}
