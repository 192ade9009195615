/**
 * The moves the fault and race runs share: the training codes a till accepts, a duplicate injected on purpose in
 * degraded mode, a scan of one code at several tills at once with the hub up, and "reset practice" everywhere
 * (which frees the codes at the hub too) so the next round can use the same codes again.
 */
import { scenarioRows } from '../../src/main/upstream/sandbox/training-scenarios'
import { hubFacts, sleep, until } from './hubProcess'
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
export const BILL_CODES = ['CASH_MIN_SPEND', 'DISCOUNT_NEEDS_AMOUNT'].map((k) => ({
  code: row(k).code,
  billFen: row(k).followUp!.billFen
}))

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
 * "Reset practice" at every till: the practice redemptions are voided, their claims freed at the hub, the
 * mirrors emptied by the feed. Waits until the store is clean, so the next round starts from nothing.
 */
export async function resetStore(tills: Till[], hubDir: string, injected?: Injected): Promise<void> {
  await Promise.all(tills.map((t) => t.resetPractice()))
  await until(
    async () => {
      const facts = tills.map((t) => tillFacts(t))
      if (facts.some((f) => f.pending > 0 || f.mirrorLive > 0 || f.accepted.length > 0)) return false
      return (await hubFacts(hubDir)).holds.size === 0
    },
    'the store to be clean after reset practice',
    45_000
  )
  injected?.codes.clear()
}
