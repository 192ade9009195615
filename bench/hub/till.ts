/**
 * A real training station as a till for the store-hub benches: fresh redeemable codes in its sandbox, and one
 * redemption the way the counter makes it (look-up, then commit), timed in its parts. Shared by tills.ts (tills
 * in the bench's process) and stationChild.ts (one till in a process of its own, for its memory).
 */
import { trainingSeed } from '../../src/main/upstream/sandbox'
import { writeIdentity, readIdentity } from '../../src/main/config/identity'
import { trainingStation, type TestStation } from '../../test/support/station'

export interface BenchTill {
  t: TestStation
  name: string
  /** A new redeemable code in this till's sandbox (a copy of the training no-threshold cash coupon). */
  freshCode: () => string
  /** Puts `code` in this till's sandbox as such a coupon. */
  addCode: (code: string) => void
  /** Time spent inside the store claim of each commit, in order (only paired tills claim). */
  claimMs: number[]
  /** When the last store claim returned (performance.timeOrigin + now: comparable across processes). */
  claimDoneAt: number
}

export interface Timing {
  /** Scan → decision shown: the look-up (sandbox code/get, decide, the mirror's holderOf). */
  lookupMs: number
  /** Confirm → redeemed: the commit (the store claim when paired, then the durable ledger write). */
  commitMs: number
  /** The commit was decided without the hub's answer (degraded). */
  unchecked: boolean
}

const TEMPLATE = trainingSeed(Date.now()).scenarios.find((s) => s.key === 'CASH_NO_THRESHOLD')!.code
let serial = 0

export async function openTill(
  name: string,
  storeLink: { claimDeadlineMs?: number; retryMs?: number; heartbeatMs?: number } = {}
): Promise<BenchTill> {
  const t = await trainingStation({ background: false, storeLink })
  writeIdentity(t.station.db, { ...readIdentity(t.station.db, 'training'), stationName: name })
  const refreshed = await t.station.services.cards.refresh()
  if (!refreshed.ok) throw new Error(`${name}: card refresh failed`)
  const model = t.station.sandbox?.model
  const template = model?.findCode(TEMPLATE)
  if (!model || !template) throw new Error(`${name}: no training sandbox`)
  const addCode = (code: string): void =>
    model.addCode({
      code,
      cardId: template.cardId,
      // Its own holder: the same user redeeming many coupons in a row would earn a warning.
      openid: `${template.openid.slice(0, 16)}${code}`,
      status: 'NORMAL',
      beginTime: template.beginTime,
      endTime: template.endTime
    })
  const till: BenchTill = {
    t,
    name,
    claimMs: [],
    claimDoneAt: 0,
    addCode,
    freshCode: () => {
      // Distinct across tills, processes and runs (the hub keys a claim by card and code); 88… is neither a
      // training code nor a custom-code prefix.
      const code = `88${String(process.pid).padStart(7, '0')}${String(serial++).padStart(5, '0')}`
      addCode(code)
      return code
    }
  }
  // Time the store claim inside the commit: the redeem service calls this very object (compose.ts).
  const link = t.station.services.storeLink
  const claim = link.claim.bind(link)
  link.claim = async (input) => {
    const t0 = performance.now()
    try {
      return await claim(input)
    } finally {
      const t1 = performance.now()
      till.claimMs.push(t1 - t0)
      till.claimDoneAt = performance.timeOrigin + t1
    }
  }
  return till
}

let device = 0

/** One redemption of `code` at `till`: look-up, then commit (warnings confirmed, as a cashier would). */
export async function redeem(till: BenchTill, code: string): Promise<Timing> {
  const { t } = till
  const t0 = performance.now()
  const view = await t.station.services.redemptions.lookup(
    { source: 'manual', device: `d${device++}`, raw: code },
    t.cashier,
    t.session.id
  )
  const t1 = performance.now()
  // WARN is confirmed below, as a cashier would; anything else is not a redeemable coupon.
  if (view.decision?.outcome !== 'OK' && view.decision?.outcome !== 'WARN')
    throw new Error(`${till.name}: ${code} decided ${view.decision?.outcome ?? 'nothing'}`)
  const done = await t.station.services.redemptions.commit(
    { lookupId: view.lookupId, otherDiscount: false, confirmWarnings: true },
    t.cashier,
    t.session.id
  )
  const t2 = performance.now()
  return { lookupMs: t1 - t0, commitMs: t2 - t1, unchecked: done.redemption.storeUnchecked === true }
}

export interface Stats {
  n: number
  p50: number
  p95: number
  p99: number
  max: number
}

export function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b)
  const at = (q: number): number => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN
  return { n: s.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: s.at(-1) ?? NaN }
}
