/**
 * The store hub race at bench size: 10,000 pairs of tills scanning the same code 0, 1, 5 and 50 ms apart, with
 * the same real processes as the CI run (test/hubFaults/race.test.ts: the built hub with its embedded PostgreSQL,
 * three built hosts in training mode, a TCP proxy per till). It prints the tally (double-accepts must be 0) and
 * where the time went; time never decides anything here. Run `npx electron-vite build` first.
 *
 *   node bench/run.mjs bench/hub/race.ts [--pairs 10000] [--deadline 5000]
 */
import { parseArgs } from 'node:util'
import { runRace } from '../../test/hubFaults/race'
import { startRig } from '../../test/hubFaults/rig'

export async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { pairs: { type: 'string', default: '10000' }, deadline: { type: 'string', default: '5000' } }
  })
  const pairs = Number(values.pairs)
  const started = Date.now()
  const rig = await startRig({
    tills: 3,
    timings: { claimDeadlineMs: Number(values.deadline), retryMs: 200 },
    storeId: 'store-race-bench'
  })
  console.log(`store up in ${((Date.now() - started) / 1000).toFixed(1)} s: 1 hub, 3 tills`)
  // Stopped early (Ctrl-C, a timeout): the hub, its PostgreSQL and the tills are children; stop them first.
  const stop = () => void rig.close().finally(() => process.exit(130))
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  try {
    const tally = await runRace(rig, {
      pairs,
      onRound: (t) => {
        if (t.rounds % 50 === 0) console.log(`  ${t.pairs} pairs, ${t.doubleAccepts} double-accepts`)
      }
    })
    const { problems, ...rest } = tally
    console.log(JSON.stringify(rest, null, 2))
    console.log(
      `${tally.pairs} pairs: ${tally.doubleAccepts} double-accepts, ${tally.noneAccepted} lost, ${tally.uncheckedAccepts} unchecked, ${problems.length} problems`
    )
    for (const p of problems.slice(0, 20)) console.log(`  ${p}`)
    if (problems.length > 0) process.exitCode = 1
  } finally {
    await rig.close()
  }
}
