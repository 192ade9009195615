/**
 * The parts of a Z report that are not figures: the items still open when the day closes, the changes to
 * earlier closed days since the previous Z report ("after close"), and the digest of the day's rows.
 */
import { createHash } from 'node:crypto'
import type { AfterCloseEvent, OpenItem } from '../../shared/reports'
import type { Db } from '../db/open'
import { STALE_SQL } from './filters'

export function openItemsOf(db: Db, businessDay: string): OpenItem[] {
  return (
    db
      .prepare(
        `SELECT r.id AS redemptionId, r.code, r.at, r.card_title AS cardTitle, r.cashier_name AS cashierName,
           r.discount_fen AS discountFen, r.status, r.status_reason AS statusReason,
           (r.status = 'pending' AND ${STALE_SQL}) AS stale
         FROM redemptions r LEFT JOIN conflict_resolutions c ON c.redemption_id = r.id
         WHERE r.business_day = ? AND (r.status = 'pending' OR (r.status IN ('conflict', 'rejected') AND c.redemption_id IS NULL))
         ORDER BY r.at, r.id`
      )
      .all(businessDay) as Array<Omit<OpenItem, 'stale'> & { stale: number }>
  ).map((item) => ({ ...item, stale: item.stale === 1 }))
}

const EVENT_COLUMNS = `r.id AS redemptionId, r.business_day AS businessDay, z.number AS closedBy, r.code,
  r.discount_fen AS discountFen`

/**
 * Changes to items of closed days in (since, until]: redeemed on a day after it was closed, settled by the
 * sync worker, voided, or resolved after their day's close. Each change lands on exactly one report: the
 * first one closed after it (reports close one after another, so their windows never overlap).
 */
export function afterCloseEvents(db: Db, since: number, until: number): AfterCloseEvent[] {
  const window = (column: string) => `${column} > @since AND ${column} <= @until AND ${column} > z.closed_at`
  const rows = db
    .prepare(
      `SELECT ${EVENT_COLUMNS}, 'redeemed' AS event, r.at AS at, NULL AS detail
         FROM redemptions r JOIN z_reports z ON z.business_day = r.business_day WHERE ${window('r.at')}
       UNION ALL
       SELECT ${EVENT_COLUMNS}, r.status AS event, r.synced_at AS at, r.status_reason AS detail
         FROM redemptions r JOIN z_reports z ON z.business_day = r.business_day
         WHERE ${window('r.synced_at')} AND r.status IN ('synced', 'conflict', 'rejected')
       UNION ALL
       SELECT ${EVENT_COLUMNS}, 'voided' AS event, r.voided_at AS at, r.void_reason AS detail
         FROM redemptions r JOIN z_reports z ON z.business_day = r.business_day WHERE ${window('r.voided_at')}
       UNION ALL
       SELECT ${EVENT_COLUMNS}, 'resolved' AS event, c.resolved_at AS at, c.outcome || ': ' || c.note AS detail
         FROM conflict_resolutions c JOIN redemptions r ON r.id = c.redemption_id
         JOIN z_reports z ON z.business_day = r.business_day WHERE ${window('c.resolved_at')}
       ORDER BY at, redemptionId`
    )
    .all({ since, until }) as AfterCloseEvent[]
  return rows
}

/**
 * The day's rows up to `until` in canonical form: only fields that never change after the till wrote them
 * (status, sync time, card id and openid are filled in later by the sync worker), so the digest stays valid
 * as items settle but catches a row added, removed or altered behind the app's back.
 */
export function rowsDigest(db: Db, businessDay: string, until: number): { count: number; sha256: string } {
  const hash = createHash('sha256')
  let count = 0
  const rows = db
    .prepare(
      `SELECT id, code, card_type, card_title, at, station_id, cashier_id, bill_fen, discount_fen, payable_fen,
         face_value_fen, online FROM redemptions WHERE business_day = ? AND at <= ? ORDER BY at, id`
    )
    .raw()
    .iterate(businessDay, until) as Iterable<unknown[]>
  for (const row of rows) {
    hash.update(JSON.stringify(row))
    hash.update('\n')
    count++
  }
  return { count, sha256: hash.digest('hex') }
}
