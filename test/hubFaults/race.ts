/**
 * The race: pairs of tills scanning the same code 0, 1, 5 and 50 ms apart with the hub up. A round runs one pair
 * per training code at once (the pairs rotate over the three till pairs and the offsets, and who goes first
 * alternates), checks the invariants, then resets practice everywhere so the codes are free for the next round.
 * Shared by test/hubFaults/race.test.ts (1,000 pairs) and bench/hub/race.ts (10,000 pairs).
 */
import { checkInvariants } from './invariants'
import type { Rig } from './rig'
import { BILL_CODES, PLAIN_CODES, raceOne, resetStore } from './store'

export const RACE_OFFSETS_MS = [0, 1, 5, 50]
const INVARIANTS_EVERY = 10
const TILL_PAIRS: Array<[number, number]> = [
  [0, 1],
  [1, 2],
  [2, 0]
]

export interface RaceTally {
  pairs: number
  rounds: number
  /** Both tills accepted the code: the thing that must never happen with the hub up. */
  doubleAccepts: number
  /** Neither accepted it (a stuck or lost code). */
  noneAccepted: number
  /** Accepted "not checked with the store": the hub did not answer within the claim deadline. */
  uncheckedAccepts: number
  /** How the second till was stopped: by its look-up (the mirror), by its commit's second look at the mirror,
   * or by the hub at its commit. */
  stoppedAtLookup: number
  stoppedAtCommitByMirror: number
  stoppedAtHub: number
  stoppedOther: Record<string, number>
  byOffset: Record<number, { pairs: number; doubleAccepts: number; stoppedAtHub: number }>
  problems: string[]
  /** Where the time went (for the bench's report; never a verdict). */
  phasesMs?: Record<string, number>
}

export async function runRace(
  rig: Rig,
  options: { pairs: number; offsets?: number[]; onRound?: (t: RaceTally) => void }
): Promise<RaceTally> {
  const offsets = options.offsets ?? RACE_OFFSETS_MS
  const codes = [...PLAIN_CODES, ...BILL_CODES.map((b) => b.code)]
  const tally: RaceTally = {
    pairs: 0,
    rounds: 0,
    doubleAccepts: 0,
    noneAccepted: 0,
    uncheckedAccepts: 0,
    stoppedAtLookup: 0,
    stoppedAtCommitByMirror: 0,
    stoppedAtHub: 0,
    stoppedOther: {},
    byOffset: Object.fromEntries(offsets.map((o) => [o, { pairs: 0, doubleAccepts: 0, stoppedAtHub: 0 }])),
    problems: []
  }
  const phases = { scans: 0, settle: 0, invariants: 0, reset: 0 }
  let t0 = Date.now()
  const lap = (k: keyof typeof phases) => {
    const now = Date.now()
    phases[k] += now - t0
    t0 = now
  }
  while (tally.pairs < options.pairs) {
    t0 = Date.now()
    const n = Math.min(codes.length, options.pairs - tally.pairs)
    const round = await Promise.all(
      codes.slice(0, n).map(async (code, k) => {
        const g = tally.pairs + k
        const [a, b] = TILL_PAIRS[g % TILL_PAIRS.length]!
        const offset = offsets[g % offsets.length]!
        const order = tally.rounds % 2 === 0 ? [a, b] : [b, a]
        const race = await raceOne(
          order.map((i) => rig.tills[i]!),
          code,
          [0, offset]
        )
        return { code, offset, race }
      })
    )
    for (const { code, offset, race } of round) {
      const at = tally.byOffset[offset]!
      at.pairs++
      if (race.accepted.length === 2) {
        tally.doubleAccepts++
        at.doubleAccepts++
        tally.problems.push(`round ${tally.rounds}: ${code} accepted at both tills (${offset} ms apart)`)
      }
      if (race.accepted.length === 0) {
        tally.noneAccepted++
        tally.problems.push(
          `round ${tally.rounds}: ${code} accepted at neither: ${JSON.stringify(race.results)}`
        )
      }
      tally.uncheckedAccepts += race.accepted.filter((r) => r.unchecked).length
      for (const r of race.results.filter((x) => !x.accepted)) {
        if (r.outcome === 'DUPLICATE') tally.stoppedAtLookup++
        // Looked up OK, but at its commit the decision was taken again and the mirror had the winner by then.
        else if (r.error === 'NOT_REDEEMABLE') tally.stoppedAtCommitByMirror++
        else if (r.error === 'STORE_DUPLICATE') {
          tally.stoppedAtHub++
          at.stoppedAtHub++
        } else {
          const why = `${r.outcome}/${r.error}`
          tally.stoppedOther[why] = (tally.stoppedOther[why] ?? 0) + 1
        }
      }
    }
    tally.pairs += n
    tally.rounds++
    lap('scans')
    // The invariants every few rounds and after the last (each pair's own verdict is above, every round).
    if (tally.rounds % INVARIANTS_EVERY === 0 || tally.pairs >= options.pairs) {
      await rig.settled()
      lap('settle')
      const report = await checkInvariants(rig, { codes: new Set() })
      tally.problems.push(...report.problems.map((p) => `round ${tally.rounds - 1}: ${p}`))
      lap('invariants')
    }
    await resetStore(rig)
    lap('reset')
    tally.phasesMs = phases
    options.onRound?.(tally)
  }
  return tally
}
