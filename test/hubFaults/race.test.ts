/**
 * The issue's race test with real processes: three built hosts (training mode) and the built hub, pairs of tills
 * scanning the same code 0, 1, 5 and 50 ms apart, 1,000 pairs (HEXIAO_RACE_PAIRS; 10,000 in bench/hub/race.ts).
 * With the hub up: 0 double-accepts, every pair has exactly one winner, checked by the hub, and the invariants
 * hold after every round. The claim deadline is long here (5 s) so that "hub up" means the hub answered, even on a
 * loaded machine; what a late answer does is the fault runs' business (faults.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RACE_OFFSETS_MS, runRace } from './race'
import { startRig, type Rig } from './rig'

const PAIRS = Number(process.env.HEXIAO_RACE_PAIRS ?? 1_000)

let rig: Rig

beforeAll(async () => {
  rig = await startRig({ tills: 3, timings: { claimDeadlineMs: 5_000, retryMs: 200 }, storeId: 'store-race' })
}, 180_000)

afterAll(async () => {
  await rig?.close()
}, 120_000)

describe('pairs of tills racing for one code, hub up', () => {
  it(`${PAIRS} pairs, ${RACE_OFFSETS_MS.join('/')} ms apart: never accepted twice, never lost`, async () => {
    expect(Number.isInteger(PAIRS) && PAIRS > 0).toBe(true)
    const tally = await runRace(rig, { pairs: PAIRS })
    console.log(
      `race: ${tally.pairs} pairs in ${tally.rounds} rounds; stopped at look-up ${tally.stoppedAtLookup}, at commit by the mirror ${tally.stoppedAtCommitByMirror}, at the hub ${tally.stoppedAtHub}; by offset ${JSON.stringify(tally.byOffset)}; ms ${JSON.stringify(tally.phasesMs)}`
    )
    expect(tally.problems).toEqual([])
    expect(tally.pairs).toBe(PAIRS)
    expect(tally.doubleAccepts).toBe(0)
    expect(tally.noneAccepted).toBe(0)
    expect(tally.uncheckedAccepts).toBe(0)
    expect(tally.stoppedOther).toEqual({})
    // Every loser was stopped by the store: its mirror at look-up, or the hub at commit.
    expect(tally.stoppedAtLookup + tally.stoppedAtCommitByMirror + tally.stoppedAtHub).toBe(PAIRS)
  }, 900_000)
})
