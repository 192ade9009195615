/**
 * The chain lane's rows in SQLite (migration 010, docs/chain.md § The till's lane). The events themselves are written
 * by triggers in the transaction of each change; this file only reads them out in seq order, forgets those the chain
 * hub acknowledged, and keeps the duplicates the hub sends back for the manager's queue.
 */
import { randomUUID } from 'node:crypto'
import type { Db } from '../db/open'
import { chainEventSchema, type ChainDuplicate, type ChainEvent } from '../../shared/hub/chainProtocol'

export interface ChainLinkConfig {
  hubUrl: string
  storeId: string
  storeName: string
  tillId: string
  enrolledAt: number
}

export interface LaneRow {
  seq: number
  event_id: string
  kind: string
  till_at: number
  business_day: string
  body_json: string
}

export class ChainLane {
  constructor(private readonly db: Db) {}

  config(): ChainLinkConfig | null {
    const row = this.db
      .prepare(
        `SELECT hub_url AS hubUrl, store_id AS storeId, store_name AS storeName, till_id AS tillId,
           enrolled_at AS enrolledAt FROM chain_link WHERE id = 1`
      )
      .get() as ChainLinkConfig | undefined
    return row ?? null
  }

  saveConfig(config: ChainLinkConfig): void {
    this.db
      .prepare(
        `INSERT INTO chain_link (id, hub_url, store_id, store_name, till_id, enrolled_at)
         VALUES (1, @hubUrl, @storeId, @storeName, @tillId, @enrolledAt)
         ON CONFLICT (id) DO UPDATE SET hub_url = @hubUrl, store_id = @storeId, store_name = @storeName,
           till_id = @tillId, enrolled_at = @enrolledAt`
      )
      .run(config)
  }

  meta(): { lastSeq: number; ackedSeq: number } {
    return this.db
      .prepare('SELECT last_seq AS lastSeq, acked_seq AS ackedSeq FROM chain_lane_meta WHERE id = 1')
      .get() as { lastSeq: number; ackedSeq: number }
  }

  /** The oldest events not yet acknowledged, in seq order (parsed with the wire schema, as the hub will). */
  pending(limit: number): ChainEvent[] {
    const rows = this.db
      .prepare(
        'SELECT seq, event_id, kind, till_at, business_day, body_json FROM chain_lane WHERE seq > ? ORDER BY seq LIMIT ?'
      )
      .all(this.meta().ackedSeq, limit) as LaneRow[]
    return rows.map((r) =>
      chainEventSchema.parse({
        seq: r.seq,
        eventId: r.event_id,
        kind: r.kind,
        tillAt: r.till_at,
        businessDate: r.business_day,
        body: JSON.parse(r.body_json)
      })
    )
  }

  /** Events waiting (for the header, and reported to HQ as the queue depth). */
  waiting(): number {
    const { lastSeq, ackedSeq } = this.meta()
    return lastSeq - ackedSeq
  }

  /**
   * The hub holds and applied everything up to `ackSeq`: forget those rows and store the duplicates it sent, in one
   * transaction. An acknowledgement never moves back (a late answer to an older batch).
   */
  acknowledge(ackSeq: number, duplicates: ChainDuplicate[], reportedSeen: number[], now: number): void {
    this.db.transaction(() => {
      const { ackedSeq, lastSeq } = this.meta()
      const to = Math.min(Math.max(ackedSeq, ackSeq), lastSeq)
      if (to > ackedSeq) {
        this.db.prepare('DELETE FROM chain_lane WHERE seq <= ?').run(to)
        this.db.prepare('UPDATE chain_lane_meta SET acked_seq = ? WHERE id = 1').run(to)
      }
      // The hub holds more of this till than it ever numbered: its database was restored from a backup (docs/chain.md
      // § A restored till). Everything here is acknowledged; number on from the hub's cursor, or the next events
      // would reuse seqs the hub holds (SEQ_CONFLICT).
      if (ackSeq > lastSeq)
        this.db
          .prepare('UPDATE chain_lane_meta SET last_seq = ?, acked_seq = ? WHERE id = 1')
          .run(ackSeq, ackSeq)
      const put = this.db.prepare(
        `INSERT INTO chain_conflicts (id, card_id, code, first_json, second_json, found_at, received_at)
         VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`
      )
      for (const d of duplicates)
        put.run(d.id, d.cardId, d.code, JSON.stringify(d.first), JSON.stringify(d.second), d.foundAt, now)
      const reported = this.db.prepare('UPDATE chain_conflicts SET reported = 1 WHERE id = ?')
      for (const id of reportedSeen) reported.run(id)
    })()
  }

  /**
   * After a restore (docs/chain.md § A restored till): the hub refused a batch with SEQ_CONFLICT and says it holds
   * this till's events up to `hubAckSeq`. Every waiting event is numbered again after it, in its order, with a new
   * event id (the hub's ids are unique), in one transaction with the counter, so the triggers go on from there.
   * Events the hub already held under their old numbers come back as repeats: the hub keeps one row per
   * redemption id and orders statuses by seq, so a repeat changes nothing. Returns the number renumbered.
   */
  renumberAfter(hubAckSeq: number): number {
    return this.db.transaction(() => {
      const { ackedSeq } = this.meta()
      const rows = this.db
        .prepare(
          'SELECT seq, event_id, kind, till_at, business_day, body_json FROM chain_lane WHERE seq > ? ORDER BY seq'
        )
        .all(ackedSeq) as LaneRow[]
      if (hubAckSeq <= ackedSeq) return 0
      this.db.prepare('DELETE FROM chain_lane WHERE seq > ?').run(ackedSeq)
      const put = this.db.prepare(
        'INSERT INTO chain_lane (seq, event_id, kind, till_at, business_day, body_json) VALUES (?, ?, ?, ?, ?, ?)'
      )
      rows.forEach((r, i) =>
        put.run(hubAckSeq + 1 + i, randomUUID(), r.kind, r.till_at, r.business_day, r.body_json)
      )
      this.db
        .prepare('UPDATE chain_lane_meta SET last_seq = ?, acked_seq = ? WHERE id = 1')
        .run(hubAckSeq + rows.length, hubAckSeq)
      return rows.length
    })()
  }

  /** Duplicates stored here that the hub has not yet been told about (sent as `seenDuplicates`). */
  unreported(limit: number): number[] {
    return (
      this.db
        .prepare('SELECT id FROM chain_conflicts WHERE reported = 0 ORDER BY id LIMIT ?')
        .all(limit) as Array<{
        id: number
      }>
    ).map((r) => r.id)
  }

  conflicts(limit: number): ChainConflictRow[] {
    return (
      this.db
        .prepare(
          'SELECT id, card_id, code, first_json, second_json, found_at FROM chain_conflicts ORDER BY id DESC LIMIT ?'
        )
        .all(limit) as Array<{
        id: number
        card_id: string
        code: string
        first_json: string
        second_json: string
        found_at: number
      }>
    ).map((r) => ({
      id: r.id,
      cardId: r.card_id,
      code: r.code,
      first: JSON.parse(r.first_json) as ChainDuplicate['first'],
      second: JSON.parse(r.second_json) as ChainDuplicate['second'],
      foundAt: r.found_at
    }))
  }
}

export type ChainConflictRow = Omit<ChainDuplicate, 'platform'>
