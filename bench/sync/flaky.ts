/**
 * The flaky-upstream scenario with bench numbers (CI runs 1,000 in test/reliability/flaky.test.ts): ~30% of
 * requests fail in every fault mode, and the network is partitioned for 3 s every 10 s.
 *
 *   node bench/run.mjs bench/sync/flaky.ts [redemptions=10000]
 */
import { runFlakyScenario } from '../../test/reliability/flaky'
import { removeTempDbs } from '../../test/sync/support/db'

export async function main(args: string[]): Promise<void> {
  const redemptions = Number(args[0] ?? 10_000)
  const partitionsAt = Array.from({ length: 60 }, (_, i) => 2_000 + i * 10_000)
  const report = await runFlakyScenario({ redemptions, seed: 99, partitionsAt, deadlineMs: 900_000 })
  console.log(
    `flaky upstream: ${report.redemptions} redemptions in ${(report.durationMs / 1000).toFixed(0)} s, ${report.partitions} partitions of 3 s`
  )
  console.log(`  lost ${report.lost}, consumed twice ${report.consumedTwice}`)
  console.log(
    `  synced ${report.synced}, conflicts ${report.conflicts} (expected ${report.expectedConflicts}, unexpected ${report.unexpectedConflicts.length}, unverified ${report.unverified.length}), rejected ${report.rejected} (expected ${report.expectedRejections})`
  )
  console.log(`  sendNow answers ${JSON.stringify(report.sendNow)}`)
  console.log(
    `  faults fired (over the sandbox's last ${report.upstreamCalls} logged calls) ${JSON.stringify(report.faults)}`
  )
  console.log(
    `  problems: ${report.problems.length === 0 ? 'none' : report.problems.slice(0, 20).join('\n    ')}`
  )
  if (report.problems.length > 0) process.exitCode = 1
  else removeTempDbs()
}
