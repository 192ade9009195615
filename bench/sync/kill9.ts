/**
 * The kill -9 loop with bench numbers (CI runs 32 kills in test/reliability/kill9.test.ts).
 *
 *   node bench/run.mjs bench/sync/kill9.ts [kills=1000] [--custom]
 *
 * --custom runs the custom-code path: two custom-code cards hold the same codes and each is redeemed under both;
 * "consumed once" is then per (card, code) (docs/reliability.md § Custom codes).
 */
import { runKillLoop } from '../../test/reliability/killLoop'
import { removeTempDbs } from '../../test/sync/support/db'

export async function main(args: string[]): Promise<void> {
  const custom = args.includes('--custom')
  const kills = Number(args.find((a) => !a.startsWith('--')) ?? 1_000)
  const report = await runKillLoop({ kills, seed: 4242, custom, log: (line) => console.log(`  ${line}`) })
  console.log(
    `kill -9 loop${custom ? ' (custom codes)' : ''}: ${report.kills} SIGKILLs (${report.killedBeforeReady} during start-up) in ${(report.durationMs / 1000).toFixed(0)} s`
  )
  console.log(
    `  redemptions acknowledged ${report.acknowledged}, written ${report.written}, consumed exactly once ${report.consumedOnce}`
  )
  console.log(
    custom
      ? `  most consumes of one (card, code): ${report.maxConsumesPerCode}; codes redeemed under both cards: ${report.sharedCodes}`
      : `  most consumes of one code: ${report.maxConsumesPerCode}`
  )
  console.log(
    `  problems: ${report.problems.length === 0 ? 'none' : report.problems.slice(0, 20).join('\n    ')}`
  )
  if (report.problems.length > 0) process.exitCode = 1
  else removeTempDbs()
}
