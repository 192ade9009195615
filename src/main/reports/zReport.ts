/**
 * Closing a business day: a numbered, immutable Z report. The report body is stored as canonical JSON with
 * its SHA-256, and the same hash goes into the audit chain ('day.closed') in the same transaction — so an
 * edited body shows as a hash mismatch, and a body rewritten together with its hash still disagrees with
 * the chain. Open items (pending, conflict, rejected) are listed prominently but never block the close.
 */
import type { Actor } from '../audit/actor'
import type { ZReportBody, ZReportCheck, ZReportSummary, ZReportView } from '../../shared/reports'
import { AppFailure } from '../../shared/result'
import { businessDayOf, businessDayRange } from '../../shared/time'
import type { Db } from '../db/open'
import { appendAudit } from '../audit/audit'
import type { StationIdentity } from '../config/identity'
import type { StoreProfile } from '../config/storeProfile'
import { canonicalJson, sha256Hex } from './canonical'
import { afterCloseEvents, openItemsOf, rowsDigest } from './dayFacts'
import { dayReport } from './dayReport'

interface ZRow {
  number: number
  business_day: string
  closed_at: number
  closed_by_id: string
  closed_by_name: string
  body_json: string
  sha256: string
}

export interface CloseContext {
  profile: StoreProfile
  identity: StationIdentity
  by: Actor
  now: number
  /** The manager was told the business day has not ended and closes it anyway. */
  confirmEarly?: boolean
}

export function closeDay(db: Db, businessDay: string, ctx: CloseContext): ZReportView {
  const today = businessDayOf(ctx.now, ctx.profile.timeZone, ctx.profile.cutoffMinutes)
  if (businessDay > today)
    throw new AppFailure(
      'DAY_NOT_STARTED',
      `Business day ${businessDay} has not started yet (today is ${today}).`
    )
  const tx = db.transaction((): ZReportView => {
    const existing = db.prepare('SELECT number FROM z_reports WHERE business_day = ?').get(businessDay) as
      { number: number } | undefined
    if (existing)
      throw new AppFailure(
        'DAY_ALREADY_CLOSED',
        `Business day ${businessDay} was already closed by Z report No. ${existing.number}; a day closes once.`,
        { number: existing.number }
      )
    // Closing before the cut-off is allowed (a store that shuts early) but never by surprise: whatever is
    // redeemed on this business day after the close is shown "after close" and goes on the next report.
    const end = businessDayRange(businessDay, ctx.profile.timeZone, ctx.profile.cutoffMinutes).end
    if (ctx.now < end && ctx.confirmEarly !== true)
      throw new AppFailure(
        'DAY_NOT_OVER',
        `Business day ${businessDay} runs until ${new Date(end).toISOString()}; closing it now needs confirmEarly. Later redemptions of that day go on the next Z report.`,
        { endsAt: end }
      )
    const previous = db
      .prepare('SELECT number, closed_at FROM z_reports ORDER BY number DESC LIMIT 1')
      .get() as { number: number; closed_at: number } | undefined
    const number = (previous?.number ?? 0) + 1
    const figures = dayReport(db, { from: businessDay, to: businessDay }, ctx.profile, ctx.now)
    const body: ZReportBody = {
      number,
      businessDay,
      storeName: ctx.identity.storeName,
      stationName: ctx.identity.stationName,
      timeZone: figures.timeZone,
      cutoffMinutes: figures.cutoffMinutes,
      start: figures.start,
      end: figures.end,
      closedAt: ctx.now,
      // The stored Z report's own shape (hashed; older reports have it too).
      closedBy: { id: ctx.by.staffId, name: ctx.by.name },
      totals: figures.totals,
      byCard: figures.byCard,
      byCardType: figures.byCardType,
      byCashier: figures.byCashier,
      byHour: figures.byHour,
      byChannel: figures.byChannel,
      byStatus: figures.byStatus,
      stale: figures.stale,
      voided: figures.voided,
      openItems: openItemsOf(db, businessDay),
      afterClose: afterCloseEvents(db, previous?.closed_at ?? Number.MIN_SAFE_INTEGER, ctx.now),
      rows: rowsDigest(db, businessDay, ctx.now)
    }
    const bodyJson = canonicalJson(body)
    const sha256 = sha256Hex(bodyJson)
    db.prepare(
      `INSERT INTO z_reports (number, business_day, closed_at, closed_by_id, closed_by_name, body_json, sha256)
       VALUES (?, ?, ?, ?, ?, ?, ?)`
    ).run(number, businessDay, ctx.now, ctx.by.staffId, ctx.by.name, bodyJson, sha256)
    appendAudit(db, {
      at: ctx.now,
      actorId: ctx.by.staffId,
      actorName: ctx.by.name,
      action: 'day.closed',
      subject: zSubject(number),
      detail: {
        businessDay,
        number,
        sha256,
        count: body.totals.count,
        discountFen: body.totals.discountFen,
        openItems: body.openItems.length,
        afterClose: body.afterClose.length
      }
    })
    return {
      body,
      sha256,
      check: { hashOk: true, auditOk: true, rowsOk: true, storedSha256: sha256, computedSha256: sha256 }
    }
  })
  return tx.immediate()
}

const zSubject = (number: number): string => `z-report:${number}`

export function zReportByNumber(db: Db, number: number): ZReportView {
  const row = db.prepare('SELECT * FROM z_reports WHERE number = ?').get(number) as ZRow | undefined
  if (!row) throw new AppFailure('NOT_FOUND', `There is no Z report No. ${number}.`)
  return viewOf(db, row)
}

export function zReportOfDay(db: Db, businessDay: string): ZReportView | null {
  const row = db.prepare('SELECT * FROM z_reports WHERE business_day = ?').get(businessDay) as
    ZRow | undefined
  return row ? viewOf(db, row) : null
}

function viewOf(db: Db, row: ZRow): ZReportView {
  const check = verifyZRow(db, row)
  let body: ZReportBody
  try {
    body = JSON.parse(row.body_json) as ZReportBody
  } catch {
    throw new AppFailure(
      'Z_REPORT_UNREADABLE',
      `Z report No. ${row.number} cannot be read: its stored body was damaged.`,
      check
    )
  }
  return { body, sha256: row.sha256, check }
}

/** Re-hashes the stored body, compares with the audit chain's record, and re-digests the day's rows. */
export function verifyZRow(db: Db, row: ZRow): ZReportCheck {
  const computed = sha256Hex(row.body_json)
  const audit = db
    .prepare(
      `SELECT detail_json FROM audit_log WHERE action = 'day.closed' AND subject = ? ORDER BY id LIMIT 1`
    )
    .get(zSubject(row.number)) as { detail_json: string } | undefined
  let audited: unknown
  try {
    audited = audit ? (JSON.parse(audit.detail_json) as { sha256?: unknown }).sha256 : undefined
  } catch {
    audited = undefined
  }
  let rowsOk: boolean
  try {
    const body = JSON.parse(row.body_json) as Partial<ZReportBody>
    const now = rowsDigest(db, row.business_day, row.closed_at)
    rowsOk = body.rows?.sha256 === now.sha256 && body.rows.count === now.count
  } catch {
    rowsOk = false
  }
  return {
    hashOk: computed === row.sha256,
    auditOk: audited === row.sha256,
    rowsOk,
    storedSha256: row.sha256,
    computedSha256: computed
  }
}

export function verifyZReport(db: Db, number: number): ZReportCheck {
  const row = db.prepare('SELECT * FROM z_reports WHERE number = ?').get(number) as ZRow | undefined
  if (!row) throw new AppFailure('NOT_FOUND', `There is no Z report No. ${number}.`)
  return verifyZRow(db, row)
}

export function zReportList(db: Db, limit: number): ZReportSummary[] {
  return db
    .prepare(
      `SELECT number, business_day AS businessDay, closed_at AS closedAt, closed_by_name AS closedByName,
         CASE WHEN json_valid(body_json) THEN json_extract(body_json, '$.totals.count') ELSE 0 END AS count,
         CASE WHEN json_valid(body_json) THEN json_extract(body_json, '$.totals.discountFen') ELSE 0 END AS discountFen,
         CASE WHEN json_valid(body_json) THEN json_array_length(body_json, '$.openItems') ELSE 0 END AS openItems,
         sha256
       FROM z_reports ORDER BY number DESC LIMIT ?`
    )
    .all(limit) as ZReportSummary[]
}
