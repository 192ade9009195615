/**
 * HQ's day view on a big chain (docs/performance.md § Chain hub, bench/README.md § Chain hub): `--rows` redemptions
 * (default 10M) made server-side with generate_series into the month-partitioned `redemptions` (hub migration 007),
 * spread over `--days` business days of 1,000 stores × 3 tills; then the HQ queries of src/hub/hq/hqQueries.ts
 * timed (median of `--repeat`): the whole chain's day, one store's day, one region's day, one store's day rows (the
 * export). Storage: table + index bytes of `redemptions` per 1M rows. Nothing passes or fails on time.
 *
 *   node bench/run.mjs bench/chain/dayReport.ts [--rows 10000000] [--days 14] [--repeat 5]
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { startHub } from '../../src/hub/hub'
import type { HqUser } from '../../src/hub/hq/hqAuth'
import { HqQueries } from '../../src/hub/hq/hqQueries'

const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

export async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      rows: { type: 'string', default: '10000000' },
      days: { type: 'string', default: '14' },
      stores: { type: 'string', default: '1000' },
      repeat: { type: 'string', default: '5' }
    }
  })
  const rows = Number(values.rows)
  const days = Number(values.days)
  const stores = Number(values.stores)
  const tills = stores * 3
  const root = mkdtempSync(join(tmpdir(), 'hexiao-chain-day-'))
  chmodSync(root, 0o755)
  const hub = await startHub({ dataDir: join(root, 'hub'), log: () => undefined })
  const pool = hub.store.pool
  try {
    // The last day is 2026-12-05; the range crosses a month, so the day reads must prune to one partition.
    const last = '2026-12-05'
    await pool.query(
      `INSERT INTO chain_stores (store_id, name, region, time_zone, created_at)
       SELECT 's' || i, '门店 ' || i, 'r' || (i % 10), 'Asia/Shanghai', 0 FROM generate_series(0, $1 - 1) i`,
      [stores]
    )
    await pool.query(
      `INSERT INTO chain_tills (till_id, store_id, name, enrolled_at)
       SELECT 's' || (i / 3) || '-t' || (i % 3), 's' || (i / 3), '收银台 ' || (i % 3 + 1), 0
       FROM generate_series(0, $1 - 1) i`,
      [tills]
    )
    await pool.query(`SELECT chain_redemption_months(($1::date - ($2::int - 1)), $1::date)`, [last, days])
    console.log(
      `making ${rows} redemptions over ${days} days, ${stores} stores × 3 tills  (load average ${load()})`
    )
    const t0 = performance.now()
    // Row i: till i % tills, day (i / tills) % days, a time in that day's opening hours; every 50th voided.
    const chunk = 1_000_000
    for (let from = 0; from < rows; from += chunk) {
      await pool.query(
        `INSERT INTO redemptions (redemption_id, business_date, store_id, till_id, platform, card_id, code, card_title,
           cashier_id, cashier_name, amount_fen, bill_fen, redeemed_at, status, status_at, last_seq)
         SELECT gen_random_uuid(), d.day, 's' || (t / 3), 's' || (t / 3) || '-t' || (t % 3), 'wechat',
           'pCard' || (i % 7), 'code-' || i, '卡券 ' || (i % 7), 'c' || (t % 5), '收银员', 1000 + (i % 5) * 500, 5000,
           d.at, CASE WHEN i % 50 = 0 THEN 'voided' ELSE 'synced' END, d.at, i / $3
         FROM generate_series($1::bigint, $2::bigint - 1) i
         CROSS JOIN LATERAL (SELECT (i % $3)::int AS t) tt
         CROSS JOIN LATERAL (
           SELECT ($4::date - ((i / $3) % $5)::int) AS day,
             (extract(epoch FROM ($4::date - ((i / $3) % $5)::int)::timestamp) * 1000)::bigint
               + 3600000 + (i * 7919 % 46800000) AS at) d`,
        [from, Math.min(from + chunk, rows), tills, last, days]
      )
    }
    await pool.query('ANALYZE redemptions')
    const made = (performance.now() - t0) / 1000
    const size = await pool.query<{ bytes: string; n: string }>(
      `SELECT sum(pg_total_relation_size(i.inhrelid))::text AS bytes, (SELECT count(*) FROM redemptions)::text AS n
       FROM pg_inherits i WHERE i.inhparent = 'redemptions'::regclass`
    )
    const bytes = Number(size.rows[0]!.bytes)
    const n = Number(size.rows[0]!.n)
    console.log(
      `made ${n} rows in ${made.toFixed(0)} s (${(n / made).toFixed(0)}/s); redemptions (tables + indexes): ` +
        `${(bytes / 2 ** 30).toFixed(2)} GiB, ${(((bytes / n) * 1e6) / 2 ** 30).toFixed(3)} GiB per 1M  (load average ${load()})`
    )
    const q = new HqQueries(pool)
    const admin: HqUser = { userId: 'bench', login: 'bench', name: 'bench', role: 'hq_admin', region: '' }
    const viewer: HqUser = { ...admin, role: 'regional_viewer', region: 'r3' }
    const repeat = Number(values.repeat)
    const time = async (label: string, work: () => Promise<unknown>, count: (r: unknown) => number) => {
      const ms: number[] = []
      let result: unknown
      for (let k = 0; k < repeat; k++) {
        const s = performance.now()
        result = await work()
        ms.push(performance.now() - s)
      }
      console.log(
        `${label}: median ${median(ms).toFixed(0)} ms (min ${Math.min(...ms).toFixed(0)}, max ${Math.max(...ms).toFixed(0)}), ${count(result)}`
      )
    }
    const perDay = Math.round(rows / days)
    console.log(`one day ≈ ${perDay} redemptions; ${repeat} runs each  (load average ${load()})`)
    type Day = Awaited<ReturnType<HqQueries['day']>>
    await time(
      "the chain's day (all stores, by store / till / card / hour)",
      () => q.day(admin, last),
      (r) => (r as Day).totals.count + (r as Day).totals.voided
    )
    await time(
      "one region's day (regional viewer, 100 stores)",
      () => q.day(viewer, last),
      (r) => (r as Day).totals.count + (r as Day).totals.voided
    )
    await time(
      "one store's day",
      () => q.day(admin, last, 's3'),
      (r) => (r as Day).totals.count + (r as Day).totals.voided
    )
    await time(
      "one store's day rows (the export)",
      () => q.dayRows(admin, last, 's3'),
      (r) => (r as unknown[]).length
    )
    const plan = await pool.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN SELECT count(*) FROM redemptions WHERE business_date = $1::date`,
      [last]
    )
    const scanned = plan.rows
      .map((r) => r['QUERY PLAN'])
      .join(' ')
      .match(/redemptions_\w+/g)
    console.log(`a day's read scans: ${[...new Set(scanned)].join(', ')}  (load average ${load()})`)
  } finally {
    await hub.stop()
    rmSync(root, { recursive: true, force: true })
  }
}
