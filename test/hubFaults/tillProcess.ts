/**
 * One till of the fault harness: the BUILT Node host (out/main/host.js) in training mode on its own data
 * directory, driven over its WebSocket contract as a screen would (test/e2e/support/host.ts, contractClient.ts):
 * a first manager signs in, pairs the till with the hub through `storeLink.pair`, scans (redeem.lookup, then
 * redeem.commit), resets practice. The harness also reads the till's SQLite file read-only for the invariants
 * (the ledger, the intent log, the mirror, PRAGMA integrity_check).
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { startHostProcess, type HostProcess } from '../e2e/support/host'
import { connectContract, type ContractClient } from '../e2e/support/contractClient'
import type { LookupView, RedeemResult } from '../../src/shared/redeem'
import type { StoreLinkOverview } from '../../src/shared/ipc/contracts/storeLink'
import type { CrossTillConflict } from '../../src/shared/reports'

export const MANAGER = { name: '王店长', pin: '2468' }

export interface TillTimings {
  claimDeadlineMs: number
  retryMs: number
}

export interface ScanResult {
  code: string
  /** The look-up's decision (DUPLICATE when the mirror or the ledger knows the code). */
  outcome: string | null
  accepted: boolean
  /** Accepted in degraded mode: "not checked with the store". */
  unchecked: boolean
  redemptionId: string | null
  /** The commit's refusal (STORE_DUPLICATE when another till holds the code at the hub). */
  error: string | null
}

export interface Till {
  readonly name: string
  readonly dataDir: string
  host: HostProcess
  contract: ContractClient
  scan(code: string, options?: { billFen?: number }): Promise<ScanResult>
  pair(hubUrl: string, pairingCode: string, storeId: string): Promise<StoreLinkOverview>
  link(): Promise<StoreLinkOverview>
  conflicts(): Promise<CrossTillConflict[]>
  resetPractice(): Promise<number>
  /** SIGKILL: no goodbye, the SQLite file as the kernel left it. */
  kill(): Promise<void>
  /** A new process on the same data directory, signed in again. */
  restart(): Promise<void>
  stop(): Promise<void>
  db<T>(read: (db: Database.Database) => T): T
}

let devices = 0

export async function startTill(name: string, timings: TillTimings): Promise<Till> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hexiao-hubfaults-till-'))
  const args = [
    '--store-claim-deadline-ms',
    String(timings.claimDeadlineMs),
    '--store-retry-ms',
    String(timings.retryMs)
  ]
  const till = {} as Till
  const open = async (first: boolean): Promise<void> => {
    const host = await startHostProcess({ dataDir, args })
    if (!host.output().includes('(training mode)'))
      throw new Error(`till ${name} is not in training mode:\n${host.output()}`)
    const contract = await connectContract(host)
    if (first) await contract.value('staff.firstManager', MANAGER)
    const staff = await contract.value<Array<{ staffId: string; name: string }>>('staff.list')
    await contract.value('staff.signIn', {
      staffId: staff.find((s) => s.name === MANAGER.name)?.staffId,
      pin: MANAGER.pin
    })
    Object.assign(till, { host, contract })
  }
  Object.assign(till, {
    name,
    dataDir,
    scan: async (code: string, options: { billFen?: number } = {}): Promise<ScanResult> => {
      const device = `${name}-${++devices}`
      const looked = await till.contract.call<LookupView>('redeem.lookup', {
        source: 'manual',
        device,
        raw: code
      })
      const base = { code, accepted: false, unchecked: false, redemptionId: null }
      if (!looked.ok || !looked.value)
        return { ...base, outcome: null, error: looked.error?.code ?? 'LOOKUP_FAILED' }
      const outcome = looked.value.decision?.outcome ?? null
      if (outcome !== 'OK' && outcome !== 'WARN' && outcome !== 'NEEDS_AMOUNT')
        return { ...base, outcome, error: null }
      const committed = await till.contract.call<RedeemResult>('redeem.commit', {
        lookupId: looked.value.lookupId,
        confirmWarnings: true,
        ...(options.billFen !== undefined ? { billFen: options.billFen } : {})
      })
      if (!committed.ok || !committed.value)
        return { ...base, outcome, error: committed.error?.code ?? 'COMMIT_FAILED' }
      return {
        code,
        outcome,
        accepted: true,
        unchecked: committed.value.redemption.storeUnchecked === true,
        redemptionId: committed.value.redemption.id,
        error: null
      }
    },
    pair: (hubUrl: string, pairingCode: string, storeId: string) =>
      till.contract.value<StoreLinkOverview>('storeLink.pair', { hubUrl, pairingCode, storeId }),
    link: () => till.contract.value<StoreLinkOverview>('storeLink.get'),
    conflicts: () => till.contract.value<CrossTillConflict[]>('storeLink.conflicts', { limit: 500 }),
    resetPractice: async () =>
      (await till.contract.value<{ cleared: number }>('training.resetPractice', { reason: 'hub fault run' }))
        .cleared,
    kill: async () => {
      till.contract.close()
      const exited = new Promise<void>((resolve) => till.host.child.once('exit', () => resolve()))
      till.host.child.kill('SIGKILL')
      await exited
    },
    restart: () => open(false),
    stop: async () => {
      till.contract.close()
      await till.host.stop()
    },
    db: <T>(read: (db: Database.Database) => T): T => {
      const db = new Database(join(dataDir, 'training', 'station.db'), {
        readonly: true,
        fileMustExist: true
      })
      try {
        return read(db)
      } finally {
        db.close()
      }
    }
  })
  await open(true)
  return till
}

/** What the till's own files say: its ledger, its intent log, its mirror, and the file's integrity. */
export interface TillFacts {
  tillId: string
  integrity: string
  /** Redemptions not voided: accepted and standing. */
  accepted: Array<{ id: string; code: string; cardId: string | null }>
  /** store_claims rows by state */
  claims: Map<
    string,
    { state: string; checked: number; pending: string | null; cardId: string; code: string }
  >
  pending: number
  mirrorLive: number
}

export function tillFacts(till: Till): TillFacts {
  return till.db((db) => {
    const integrity = (db.pragma('integrity_check') as Array<{ integrity_check: string }>)
      .map((r) => r.integrity_check)
      .join('; ')
    const link = db.prepare('SELECT till_id AS tillId FROM store_link WHERE id = 1').get() as
      { tillId: string } | undefined
    const accepted = db
      .prepare(
        `SELECT id, code, coalesce(card_id, picked_card_id) AS cardId FROM redemptions WHERE status <> 'voided'`
      )
      .all() as TillFacts['accepted']
    const rows = db
      .prepare('SELECT redemption_id, state, checked, pending, card_id, code FROM store_claims')
      .all() as Array<{
      redemption_id: string
      state: string
      checked: number
      pending: string | null
      card_id: string
      code: string
    }>
    const mirrorLive = (
      db.prepare('SELECT count(*) AS n FROM store_mirror WHERE live = 1').get() as { n: number }
    ).n
    return {
      tillId: link?.tillId ?? '',
      integrity,
      accepted,
      claims: new Map(
        rows.map((r) => [
          r.redemption_id,
          { state: r.state, checked: r.checked, pending: r.pending, cardId: r.card_id, code: r.code }
        ])
      ),
      pending: rows.filter((r) => r.pending !== null).length,
      mirrorLive
    }
  })
}
