/** What must hold of a station database after anything happened to it: the promises of the ledger. */
import type { Db } from '../../src/main/db/open'
import { verifyAuditChain } from '../../src/main/audit/audit'

export interface LedgerFacts {
  redemptions: number
  byStatus: Record<string, number>
  queued: number
  inFlight: number
  /** code key (the code, or card + U+001F + code for a custom code: src/main/db/codeKey.ts) → status, reason */
  rows: Map<string, { id: string; status: string; reason: string | null }>
}

export function ledgerFacts(db: Db): LedgerFacts {
  const rows = new Map<string, { id: string; status: string; reason: string | null }>()
  const byStatus: Record<string, number> = {}
  for (const r of db
    .prepare('SELECT id, code_key, status, status_reason FROM redemptions')
    .iterate() as Iterable<{
    id: string
    code_key: string
    status: string
    status_reason: string | null
  }>) {
    rows.set(r.code_key, { id: r.id, status: r.status, reason: r.status_reason })
    byStatus[r.status] = (byStatus[r.status] ?? 0) + 1
  }
  const outbox = db
    .prepare(
      `SELECT coalesce(sum(state = 'queued'), 0) AS queued, coalesce(sum(in_flight), 0) AS inFlight FROM outbox`
    )
    .get() as { queued: number; inFlight: number }
  return { redemptions: rows.size, byStatus, rows, ...outbox }
}

/**
 * Problems with the file itself: integrity, the audit chain, a redemption without its outbox item (or the
 * reverse), acknowledged redemptions that are missing.
 */
export function fileProblems(db: Db, acknowledged: Iterable<string>): string[] {
  const problems: string[] = []
  const integrity = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map(
    (r) => r.integrity_check
  )
  if (integrity.join() !== 'ok') problems.push(`integrity_check: ${integrity.slice(0, 3).join('; ')}`)
  const chain = verifyAuditChain(db)
  if (!chain.ok) problems.push(`audit chain broken: ${JSON.stringify(chain.firstBroken)}`)
  const orphans = db
    .prepare(
      `SELECT (SELECT count(*) FROM redemptions r WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o.redemption_id = r.id))
            + (SELECT count(*) FROM outbox o WHERE NOT EXISTS (SELECT 1 FROM redemptions r WHERE r.id = o.redemption_id)) AS n`
    )
    .get() as { n: number }
  if (orphans.n > 0) problems.push(`${orphans.n} redemptions/outbox items without their pair`)
  const ids = [...acknowledged]
  const found = db
    .prepare('SELECT count(*) AS n FROM redemptions WHERE id IN (SELECT value FROM json_each(?))')
    .get(JSON.stringify(ids)) as { n: number }
  if (found.n !== ids.length) problems.push(`${ids.length - found.n} acknowledged redemptions are missing`)
  return problems
}

export interface ConsumeEntry {
  code: string
  cardId: string
}

/** The key of a consume: the code alone (plain codes) unless told otherwise (custom codes: codeKeyOf). */
export type ConsumeKey = (consume: ConsumeEntry) => string

/** How many effective consumes each code (or each coupon, by `keyOf`) had upstream. */
export function consumesByCode(
  log: ReadonlyArray<ConsumeEntry>,
  keyOf: ConsumeKey = (c) => c.code
): Map<string, number> {
  const counts = new Map<string, number>()
  for (const c of log) counts.set(keyOf(c), (counts.get(keyOf(c)) ?? 0) + 1)
  return counts
}

/** After the drain: nothing still queued, everything synced, each coupon consumed exactly once. */
export function drainedProblems(
  facts: LedgerFacts,
  consumes: ReadonlyMap<string, number>
): { problems: string[]; consumedOnce: number } {
  const problems: string[] = []
  if (facts.queued !== 0) problems.push(`${facts.queued} items still queued after the drain`)
  if ((facts.byStatus.synced ?? 0) !== facts.redemptions)
    problems.push(`not all synced: ${JSON.stringify(facts.byStatus)}`)
  let consumedOnce = 0
  for (const [code] of facts.rows) {
    if (consumes.get(code) === 1) consumedOnce++
    else problems.push(`code ${code} consumed ${consumes.get(code) ?? 0} times`)
  }
  return { problems, consumedOnce }
}
