/**
 * The moves the fault and race runs share: the training codes a till accepts, a duplicate injected on purpose in
 * degraded mode, a scan of one code at several tills at once with the hub up, and "reset practice" everywhere
 * (which frees the codes at the hub too) so the next round can use the same codes again.
 */
import { scenarioRows } from '../../src/main/upstream/sandbox/training-scenarios'
import { sleep, until, type HubFacts } from './hubProcess'
import type { Injected } from './invariants'
import { tillFacts, type ScanResult, type Till } from './tillProcess'

const row = (key: string) => {
  const found = scenarioRows().find((r) => r.key === key)
  if (!found) throw new Error(`no training scenario ${key}`)
  return found
}

/** Training codes a till accepts at once (OK, or WARN confirmed by the commit). */
export const PLAIN_CODES = ['CASH_NO_THRESHOLD', 'GIFT', 'GROUPON', 'GENERAL_COUPON', 'NO_STACKING'].map(
  (k) => row(k).code
)

/** Codes that need the bill first, with a bill that makes them OK. */
export const BILL_CODES = [
  ...['CASH_MIN_SPEND', 'DISCOUNT_NEEDS_AMOUNT'].map((k) => ({
    code: row(k).code,
    billFen: row(k).followUp!.billFen
  })),
  // Its drill's bill is below the card's minimum spend (DENY); a bill above it (300 yuan) makes it OK.
  { code: row('BELOW_MIN_SPEND').code, billFen: 50_000 }
]

export const billOf = (code: string): number | undefined => BILL_CODES.find((b) => b.code === code)?.billFen

export const scan = (till: Till, code: string): Promise<ScanResult> => {
  const billFen = billOf(code)
  return till.scan(code, billFen !== undefined ? { billFen } : {})
}

/**
 * The same code at two tills that cannot reach the hub: both decide in degraded mode and accept ("not checked
 * with the store"). Returns a problem, or null when both were accepted unchecked as they must be.
 */
export async function injectDuplicate(
  a: Till,
  b: Till,
  code: string,
  injected: Injected
): Promise<string | null> {
  const first = await scan(a, code)
  const second = await scan(b, code)
  for (const [till, r] of [
    [a, first],
    [b, second]
  ] as const)
    if (!r.accepted || !r.unchecked)
      return `${till.name} did not accept ${code} unchecked: ${JSON.stringify(r)}`
  injected.codes.add(code)
  return null
}

/**
 * A till that did not accept was stopped by the store: its mirror at look-up (DUPLICATE), its mirror when the
 * commit took the decision again (NOT_REDEEMABLE after an OK look-up: the other till's claim arrived meanwhile),
 * or the hub at its claim (STORE_DUPLICATE).
 */
export const stoppedByStore = (r: ScanResult): boolean =>
  !r.accepted && (r.outcome === 'DUPLICATE' || r.error === 'NOT_REDEEMABLE' || r.error === 'STORE_DUPLICATE')

export interface RaceResult {
  results: ScanResult[]
  accepted: ScanResult[]
}

/** One code at several tills, the n-th starting `offsets[n]` ms after the first. */
export async function raceOne(tills: Till[], code: string, offsets: number[]): Promise<RaceResult> {
  const results = await Promise.all(
    tills.map(async (till, i) => {
      if (offsets[i]) await sleep(offsets[i]!)
      return scan(till, code)
    })
  )
  return { results, accepted: results.filter((r) => r.accepted) }
}

/**
 * What the reset waits for at one till, read in one query: claims still to send, live mirror rows, redemptions
 * not voided. The same three counts as tillFacts, without its PRAGMA integrity_check and full rows, which made
 * each poll cost ~0.5 s on a loaded machine (125 resets in a 1,000-pair race); the invariants still check
 * integrity with tillFacts.
 */
function leftAt(till: Till): { pending: number; mirrorLive: number; accepted: number } {
  return till.db(
    (db) =>
      db
        .prepare(
          `SELECT (SELECT count(*) FROM store_claims WHERE pending IS NOT NULL) AS pending,
                  (SELECT count(*) FROM store_mirror WHERE live = 1) AS mirrorLive,
                  (SELECT count(*) FROM redemptions WHERE status <> 'voided') AS accepted`
        )
        .get() as { pending: number; mirrorLive: number; accepted: number }
  )
}

/**
 * "Reset practice" at every till: the practice redemptions are voided, their claims freed at the hub, the
 * mirrors emptied by the feed. Waits until the store is clean, so the next round starts from nothing.
 */
export async function resetStore(
  rig: { tills: Till[]; hubFacts(): Promise<HubFacts> },
  injected?: Injected
): Promise<void> {
  const tills = rig.tills
  await Promise.all(tills.map((t) => t.resetPractice()))
  try {
    await until(
      async () =>
        tills.every((t) => {
          const left = leftAt(t)
          return left.pending === 0 && left.mirrorLive === 0 && left.accepted === 0
        }) && (await rig.hubFacts()).holds.size === 0,
      'the store to be clean after reset practice',
      45_000
    )
  } catch (err) {
    const facts = tills.map((t) => tillFacts(t))
    const holds = await rig.hubFacts().then(
      (h) => [...h.holds.keys()],
      (e: Error) => `unreadable: ${e.message}`
    )
    const left = JSON.stringify({
      tills: facts.map((f) => ({
        pending: [...f.claims.values()].filter((c) => c.pending !== null),
        mirrorLive: f.mirrorLive,
        accepted: f.accepted.length
      })),
      holds
    })
    throw new Error(`${(err as Error).message}; left: ${left}`, { cause: err })
  }
  injected?.codes.clear()
}
