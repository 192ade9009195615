/**
 * The ledger's reads and writes. `recordRedemption` is THE durable write: the redemption,
 * its outbox item and its audit entry commit in one SQLite transaction (WAL,
 * synchronous=FULL) before anyone tells the cashier "redeemed".
 */
import type { Actor } from '../audit/actor'
import type Database from 'better-sqlite3'
import type { Db } from '../db/open'
import { prepared } from '../db/statements'
import { appendAudit } from '../audit/audit'
import { codeKeyOf } from '../db/codeKey'
import type { NewRedemption, OutboxRow, RedemptionRow } from './ledgerRows'

export interface OriginalRedemption {
  id: string
  at: number
  stationName: string
  cashierName: string
  synced: boolean
  /** 'outbox' while it still waits to sync, 'ledger' once settled. */
  source: 'ledger' | 'outbox'
}

/** Test seam: lets a test fail the transaction between its writes. */
export interface WriteHooks {
  afterRedemptionRow?: () => void
  afterOutboxRow?: () => void
  /**
   * Rows that must commit with the redemption, written last in its transaction: the store claim's "committed"
   * state (src/main/storeLink), so that a linked till pays one durable commit here, not two.
   */
  alsoWrite?: () => void
}

const NO_HOOKS: WriteHooks = {}

export class Ledger {
  /** Built once: better-sqlite3 makes a new wrapper (and its mode variants) on every db.transaction(). */
  private readonly recordTx: Database.Transaction<(row: NewRedemption, hooks: WriteHooks) => void>

  constructor(private readonly db: Db) {
    this.recordTx = db.transaction((row: NewRedemption, hooks: WriteHooks) =>
      this.writeRedemption(row, hooks)
    )
  }

  /**
   * The live (not voided) redemption of a coupon, if any: the DUPLICATE evidence. `customCardId` is the card when
   * it uses custom codes: the coupon is then (card, code), and the same string under another custom card is
   * another coupon. A live redemption of the code as a plain code counts whatever card is given: a plain code
   * is unique in the whole account, so picking a custom card for it cannot make it new.
   */
  findLive(code: string, customCardId: string | null = null): OriginalRedemption | null {
    if (customCardId === null) return this.liveByKey(code)
    return this.liveByKey(codeKeyOf(code, customCardId)) ?? this.liveByKey(code)
  }

  private liveByKey(codeKey: string): OriginalRedemption | null {
    const row = prepared(
      this.db,
      `SELECT r.id, r.at, r.station_name, r.cashier_name, r.status, o.state AS outbox_state
         FROM redemptions r LEFT JOIN outbox o ON o.redemption_id = r.id
         WHERE r.code_key = ? AND r.status <> 'voided' LIMIT 1`
    ).get(codeKey) as
      | {
          id: string
          at: number
          station_name: string
          cashier_name: string
          status: string
          outbox_state: string
        }
      | undefined
    if (!row) return null
    return {
      id: row.id,
      at: row.at,
      stationName: row.station_name,
      cashierName: row.cashier_name,
      synced: row.status === 'synced',
      source: row.outbox_state === 'queued' ? 'outbox' : 'ledger'
    }
  }

  countForCustomerOnDay(openid: string, businessDay: string): number {
    const row = prepared(
      this.db,
      `SELECT count(*) AS n FROM redemptions WHERE openid = ? AND business_day = ? AND status <> 'voided'`
    ).get(openid, businessDay) as { n: number }
    return row.n
  }

  countOfflineOnDay(businessDay: string): number {
    const row = prepared(
      this.db,
      `SELECT count(*) AS n FROM redemptions WHERE online = 0 AND business_day = ? AND status <> 'voided'`
    ).get(businessDay) as { n: number }
    return row.n
  }

  get(id: string): RedemptionRow | null {
    return (
      (prepared(this.db, 'SELECT * FROM redemptions WHERE id = ?').get(id) as RedemptionRow | undefined) ??
      null
    )
  }

  outboxFor(redemptionId: string): OutboxRow | null {
    return (
      (prepared(this.db, 'SELECT * FROM outbox WHERE redemption_id = ?').get(redemptionId) as
        OutboxRow | undefined) ?? null
    )
  }

  recent(limit: number, beforeAt?: number): RedemptionRow[] {
    return prepared(this.db, `SELECT * FROM redemptions WHERE at < ? ORDER BY at DESC, id DESC LIMIT ?`).all(
      beforeAt ?? Number.MAX_SAFE_INTEGER,
      limit
    ) as RedemptionRow[]
  }

  /** Redemption + outbox item + audit entry, all or nothing. */
  recordRedemption(row: NewRedemption, hooks: WriteHooks = NO_HOOKS): void {
    this.recordTx.immediate(row, hooks)
  }

  private writeRedemption(row: NewRedemption, hooks: WriteHooks): void {
    // code_key is generated from custom_code, card_id and code (migration 007): the unique live-row index on it
    // refuses a second live redemption of the same coupon.
    prepared(
      this.db,
      `INSERT INTO redemptions (id, code, custom_code, card_id, card_type, card_title, picked_card_id, at,
          business_day, station_id, station_name, cashier_id, cashier_name, openid, bill_fen, discount_fen,
          payable_fen, face_value_fen, online, decision_json, approved_by, other_discount, status, synced_at,
          status_reason, voided_at, voided_by, void_reason)
        VALUES (@id, @code, @custom_code, @card_id, @card_type, @card_title, @picked_card_id, @at,
          @business_day, @station_id, @station_name, @cashier_id, @cashier_name, @openid, @bill_fen, @discount_fen,
          @payable_fen, @face_value_fen, @online, @decision_json, @approved_by, @other_discount, @status,
          @synced_at, @status_reason, @voided_at, @voided_by, @void_reason)`
    ).run(row)
    hooks.afterRedemptionRow?.()
    prepared(
      this.db,
      `INSERT INTO outbox (redemption_id, kind, state, next_attempt_at, created_at, updated_at)
         VALUES (?, 'consume', 'queued', ?, ?, ?)`
    ).run(row.id, row.at, row.at, row.at)
    hooks.afterOutboxRow?.()
    appendAudit(this.db, {
      at: row.at,
      actorId: row.cashier_id,
      actorName: row.cashier_name,
      action: 'redemption.created',
      subject: row.id,
      detail: {
        code: row.code,
        ...(row.custom_code === 1 ? { customCode: true } : {}),
        cardId: row.card_id,
        discountFen: row.discount_fen,
        billFen: row.bill_fen,
        online: row.online === 1,
        approvedBy: row.approved_by
      }
    })
    hooks.alsoWrite?.()
  }

  /**
   * Voids a redemption that has not reached WeChat. Returns the reason it cannot when it
   * can't: a synced consume has no undo in the API.
   */
  voidUnsynced(
    id: string,
    by: Actor,
    reason: string,
    at: number
  ): 'voided' | 'not_found' | 'already_synced' | 'already_voided' | 'in_flight' {
    const tx = this.db.transaction(() => {
      const row = this.get(id)
      if (!row) return 'not_found' as const
      if (row.status === 'voided') return 'already_voided' as const
      if (row.status === 'synced') return 'already_synced' as const
      const outbox = this.outboxFor(id)
      // An attempt whose outcome is unknown may already have consumed the code upstream.
      if (outbox?.in_flight) return 'in_flight' as const
      prepared(
        this.db,
        `UPDATE redemptions SET status = 'voided', voided_at = ?, voided_by = ?, void_reason = ? WHERE id = ?`
      ).run(at, by.staffId, reason, id)
      prepared(
        this.db,
        `UPDATE outbox SET state = 'cancelled', updated_at = ? WHERE redemption_id = ? AND state = 'queued'`
      ).run(at, id)
      appendAudit(this.db, {
        at,
        actorId: by.staffId,
        actorName: by.name,
        action: 'redemption.voided',
        subject: id,
        detail: { code: row.code, reason, previousStatus: row.status }
      })
      return 'voided' as const
    })
    return tx.immediate()
  }
}
