/** A real station database file with ledger rows written the way the till writes them (row + outbox + audit). */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase, type Db } from '../../../src/main/db/open'
import { writeSetting } from '../../../src/main/db/settings'
import { Ledger } from '../../../src/main/redeem/ledger'
import type { RedemptionRow, RedemptionStatus } from '../../../src/main/redeem/ledgerRows'
import type { StoreProfile } from '../../../src/main/config/storeProfile'
import { sampleRow } from '../../support/rows'

export interface LedgerDb {
  db: Db
  dataDir: string
  file: string
}

export function ledgerDb(profile?: StoreProfile): LedgerDb {
  const dataDir = mkdtempSync(join(tmpdir(), 'hexiao-reports-'))
  const file = join(dataDir, 'training', 'station.db')
  const { db } = openDatabase(file)
  if (profile) writeSetting(db, 'store.profile', profile)
  return { db, dataDir, file }
}

const OUTBOX_STATE: Record<RedemptionStatus, string> = {
  pending: 'queued',
  synced: 'done',
  conflict: 'conflict',
  rejected: 'rejected',
  voided: 'cancelled'
}

export interface WriteOptions {
  status?: RedemptionStatus
  stale?: boolean
  /** When the sync worker settled it (synced/conflict/rejected), or when it was voided. */
  settledAt?: number
  reason?: string
}

/** Writes a redemption through the ledger, then moves it to the given status as the sync worker would. */
export function writeRedemption(
  db: Db,
  overrides: Partial<RedemptionRow>,
  options: WriteOptions = {}
): RedemptionRow {
  const row = sampleRow({ ...overrides, status: 'pending' })
  new Ledger(db).recordRedemption(row)
  const status = options.status ?? 'pending'
  const at = options.settledAt ?? row.at + 60_000
  if (status === 'voided') {
    db.prepare(
      `UPDATE redemptions SET status = 'voided', voided_at = ?, voided_by = 'mgr', void_reason = 'test' WHERE id = ?`
    ).run(at, row.id)
  } else if (status !== 'pending') {
    db.prepare('UPDATE redemptions SET status = ?, synced_at = ?, status_reason = ? WHERE id = ?').run(
      status,
      at,
      options.reason ??
        (status === 'conflict' ? 'used_elsewhere' : status === 'rejected' ? 'wechat:40127' : null),
      row.id
    )
  }
  db.prepare('UPDATE outbox SET state = ?, stale = ? WHERE redemption_id = ?').run(
    OUTBOX_STATE[status],
    options.stale && status === 'pending' ? 1 : 0,
    row.id
  )
  return { ...row, ...(db.prepare('SELECT * FROM redemptions WHERE id = ?').get(row.id) as RedemptionRow) }
}
