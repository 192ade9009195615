// One worker process of the chain load generator (bench/chain/loadGen.ts, docs/performance.md § Chain hub): it
// holds many simulated tills as state machines, each with its own outbox and credential, and drains them to the
// chain hub over HTTP with its own keep-alive agent. Plain JavaScript on purpose: it is forked by both the bench
// runner and vitest on Node 20, which cannot load TypeScript in a child without a loader.
//
// Events follow src/shared/hub/chainProtocol.ts (kept in step by the invariants the parent checks: a shape the hub
// refused would stall the run). Their ids are derived from (till, seq) by SHA-256, formatted as UUIDv4, so the
// outbox is a range [acked + 1, last] that materialises the same events whenever it is read: re-sending
// everything sends the very same events, and 3,000 × 240 events need not sit in memory.
import { createHash } from 'node:crypto'
import http from 'node:http'
import { gzipSync } from 'node:zlib'

const BATCH_MAX = 500 // CHAIN_BATCH_MAX
const STORE_HEADER = 'x-hexiao-store' // HUB_STORE_HEADER, checked by the parent before forking
const DAY = '2026-12-05'
/** 09:00 in Shanghai: the start of the offline period. */
const OFFLINE_FROM = Date.UTC(2026, 11, 5, 1)

function uuid(tillId, seq, salt) {
  const h = createHash('sha256').update(`${tillId}:${seq}:${salt}`).digest()
  h[6] = (h[6] & 0x0f) | 0x40
  h[8] = (h[8] & 0x3f) | 0x80
  const x = h.subarray(0, 16).toString('hex')
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`
}

/** Every 10th event marks the redemption before it synced; the rest are redemptions. */
export function eventAt(till, seq, perHour) {
  const tillAt = OFFLINE_FROM + Math.floor(((seq - 1) * 3600_000) / perHour)
  const base = { seq, eventId: uuid(till.tillId, seq, 'e'), tillAt, businessDate: DAY }
  if (seq % 10 === 0)
    return { ...base, kind: 'synced', body: { redemptionId: uuid(till.tillId, seq - 1, 'r'), reason: null } }
  return {
    ...base,
    kind: 'redeemed',
    body: {
      redemptionId: uuid(till.tillId, seq, 'r'),
      cardId: 'pLoadCard',
      customCode: false,
      code: till.plants?.[seq] ?? `${till.tillId}-${seq}`,
      cardTitle: '10元代金券',
      cashierId: `${till.tillId}-c`,
      cashierName: '收银员',
      amountFen: 1000,
      billFen: 5000,
      redeemedAt: tillAt,
      status: 'pending'
    }
  }
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms))

function post(agent, url, till, data) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${url}/v1/events`,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-encoding': 'gzip',
          'content-length': data.length,
          authorization: `Bearer ${till.token}`,
          [STORE_HEADER]: till.storeId
        },
        timeout: 60_000
      },
      (res) => {
        const chunks = []
        res.on('data', (c) => chunks.push(c))
        res.on('end', () => {
          let json = null
          try {
            json = JSON.parse(Buffer.concat(chunks).toString('utf8'))
          } catch {
            /* a cut answer: treated like a network error below */
          }
          resolve({ status: res.statusCode, retryAfter: Number(res.headers['retry-after'] ?? 1), json })
        })
        res.on('error', reject)
      }
    )
    req.on('timeout', () => req.destroy(new Error('timeout')))
    req.on('error', reject)
    req.end(data)
  })
}

async function run(msg) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: msg.maxSockets })
  const stats = {
    busy: 0,
    errors: 0,
    requests: 0,
    stored: 0,
    duplicatesSeen: 0,
    peakInFlight: 0,
    drainedMs: []
  }
  const errorSamples = []
  let inFlight = 0
  const t0 = performance.now()
  await Promise.all(
    msg.tills.map(async (till) => {
      // Full jitter: each till reconnects at a uniformly random moment of the window (0 = all at once).
      if (msg.jitterMs > 0) await sleep(Math.random() * msg.jitterMs)
      let acked = msg.resend ? 0 : till.acked
      const seen = []
      // The gzip body of the last attempt, kept while nothing it holds changed (a 429 or a cut connection): a
      // till retrying the same batch sends the same bytes, and the generator's CPU stays off the hub's cores.
      let cached = null
      for (;;) {
        const last = Math.min(acked + BATCH_MAX, till.count)
        const seenNow = seen.slice(0, 500)
        const key = `${acked}:${seenNow.join(',')}`
        if (cached?.key !== key) {
          const events = []
          for (let seq = acked + 1; seq <= last; seq++) events.push(eventAt(till, seq, msg.perHour))
          const body = {
            tillId: till.tillId,
            queueDepth: till.count - last,
            events,
            // Kept until an answer comes: a 429 or a cut connection did not tell the hub.
            seenDuplicates: seenNow
          }
          cached = { key, data: gzipSync(JSON.stringify(body)), seenCount: seenNow.length }
        }
        let r
        inFlight++
        stats.peakInFlight = Math.max(stats.peakInFlight, inFlight)
        stats.requests++
        try {
          r = await post(agent, msg.url, till, cached.data)
        } catch (err) {
          r = { status: 0, error: err }
        } finally {
          inFlight--
        }
        if (r.status === 200 && r.json?.ok) {
          const v = r.json.value
          seen.splice(0, cached.seenCount)
          stats.stored += v.stored
          for (const d of v.duplicates) {
            stats.duplicatesSeen++
            seen.push(d.id)
          }
          // With the resend, the hub's cursor is already at the end: walk the lane by what was sent.
          acked = msg.resend ? last : v.ackSeq
          if (acked >= till.count && seen.length === 0) break
          continue
        }
        if (r.status === 429) {
          stats.busy++
          // Not before Retry-After, then full jitter over one more of it (as src/main/chainLink does).
          await sleep(r.retryAfter * 1000 * (1 + Math.random()))
          continue
        }
        // The hub is gone (killed) or answered an error: keep the outbox and try again, as a till would.
        stats.errors++
        if (errorSamples.length < 5)
          errorSamples.push(
            r.error ? String(r.error.message ?? r.error) : `${r.status} ${JSON.stringify(r.json)}`
          )
        await sleep(500 + Math.random() * 1000)
      }
      till.acked = acked
      stats.drainedMs.push(performance.now() - t0)
    })
  )
  agent.destroy()
  return { ...stats, errorSamples, tills: msg.tills.map((t) => ({ tillId: t.tillId, acked: t.acked })) }
}

let tills = []
process.on('message', (msg) => {
  if (msg.type === 'tills') {
    tills = msg.tills.map((t) => ({ ...t, acked: 0 }))
    process.send({ type: 'ready' })
    return
  }
  if (msg.type === 'run') {
    run({ ...msg, tills }).then(
      (result) => process.send({ type: 'done', result }),
      (err) => process.send({ type: 'failed', message: String(err?.stack ?? err) })
    )
    return
  }
  if (msg.type === 'exit') process.exit(0)
})
