/**
 * The conflicts queue over the real contract: a conflict made the way a store meets one (an offline
 * redemption of a code that was redeemed elsewhere first, found by the real sync worker against the training
 * sandbox), its whole story, and a resolution that goes to the audit log in the same transaction.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../src/main/ipc/dispatcher'
import { Session } from '../../src/main/ipc/session'
import { TRAINING_CARD_IDS } from '../../src/main/upstream/sandbox'
import { verifyAuditChain } from '../../src/main/audit/audit'
import type { ConflictItem, ConflictStory, ResolutionView } from '../../src/shared/reports'
import type { Result } from '../../src/shared/result'
import { trainingStation, type TestStation } from '../support/station'
import { writeRedemption } from './support/ledger'

let t: TestStation
afterEach(async () => {
  await t.station.close()
})

const CODE = '001234500010' // training: ¥10 cash coupon, no threshold

async function withConflict() {
  t = await trainingStation({ background: false })
  const dispatch = createDispatcher(t.station.handlers)
  const manager = new Session('test')
  manager.signIn(t.manager)
  const call = async <T>(channel: string, request?: unknown): Promise<T> => {
    const result = (await dispatch(channel, request, manager)) as Result<T>
    if (!result.ok) throw Object.assign(new Error(result.error.message), result.error)
    return result.value
  }
  const row = writeRedemption(t.station.db, {
    code: CODE,
    card_id: TRAINING_CARD_IDS.cash10,
    online: 0,
    at: Date.now(),
    cashier_id: t.cashier.staffId,
    cashier_name: t.cashier.name
  })
  await call('reports.trainingUsedElsewhere', { code: CODE })
  await t.station.services.sync.sendNow(row.id, 10_000)
  return { dispatch, manager, call, row }
}

describe('conflicts and rejections', () => {
  it('shows an offline redemption of a code used elsewhere as a conflict with its whole story', async () => {
    const { call, row } = await withConflict()
    const queue = await call<ConflictItem[]>('reports.conflicts', { state: 'open' })
    expect(queue.map((i) => [i.redemption.id, i.redemption.status, i.redemption.statusReason])).toEqual([
      [row.id, 'conflict', 'used_elsewhere']
    ])
    const story = await call<ConflictStory>('reports.conflictStory', { redemptionId: row.id })
    expect(story.redemption).toMatchObject({
      code: CODE,
      cashierName: t.cashier.name,
      billFen: 12_000,
      discountFen: 1_000
    })
    expect(story.redemption.openidMasked).toMatch(/^.{4}\*\*\*\*.{4}$/)
    expect(story.decision.outcome).toBe('OK')
    expect(story.attempts.length).toBeGreaterThan(0)
    expect(story.attempts[0]).toMatchObject({ kind: 'status_check', outcome: 'status' })
    expect(story.attempts[0]?.detail).toContain('CONSUMED')
    expect(story.audit.map((a) => a.action)).toEqual(['redemption.created', 'redemption.conflict'])
  })

  it('resolves with an outcome and a note, audited in the same transaction; nothing is deleted', async () => {
    const { call, row } = await withConflict()
    const resolution = await call<ResolutionView>('reports.resolve', {
      redemptionId: row.id,
      outcome: 'collected',
      note: '顾客当场补付 10 元'
    })
    expect(resolution).toMatchObject({ outcome: 'collected', resolvedByName: t.manager.name })
    const audit = t.station.db
      .prepare(
        `SELECT id, actor_name, detail_json FROM audit_log WHERE action = 'conflict.resolved' AND subject = ?`
      )
      .all(row.id) as { id: number; actor_name: string; detail_json: string }[]
    expect(audit).toHaveLength(1)
    expect(JSON.parse(audit[0]?.detail_json ?? '{}')).toMatchObject({
      outcome: 'collected',
      note: '顾客当场补付 10 元',
      status: 'conflict'
    })
    const stored = t.station.db
      .prepare('SELECT audit_id FROM conflict_resolutions WHERE redemption_id = ?')
      .get(row.id)
    expect(stored).toEqual({ audit_id: audit[0]?.id })
    // The ledger still says what WeChat said; the queue moves the item to "resolved".
    expect(t.station.db.prepare('SELECT status FROM redemptions WHERE id = ?').get(row.id)).toEqual({
      status: 'conflict'
    })
    expect(await call<ConflictItem[]>('reports.conflicts', { state: 'open' })).toEqual([])
    const resolved = await call<ConflictItem[]>('reports.conflicts', { state: 'resolved' })
    expect(resolved[0]?.redemption.resolution).toMatchObject({ outcome: 'collected' })
    expect(verifyAuditChain(t.station.db).ok).toBe(true)
  })

  it('refuses a second resolution, an item that is no conflict, and an empty note', async () => {
    const { call, dispatch, manager, row } = await withConflict()
    await call('reports.resolve', { redemptionId: row.id, outcome: 'written_off', note: '无法联系顾客' })
    await expect(
      call('reports.resolve', { redemptionId: row.id, outcome: 'other', note: 'again' })
    ).rejects.toMatchObject({
      code: 'ALREADY_RESOLVED'
    })
    const synced = writeRedemption(t.station.db, { code: '777', at: Date.now() }, { status: 'synced' })
    await expect(
      call('reports.resolve', { redemptionId: synced.id, outcome: 'other', note: 'x' })
    ).rejects.toMatchObject({
      code: 'NOT_A_CONFLICT'
    })
    const empty = await dispatch(
      'reports.resolve',
      { redemptionId: row.id, outcome: 'other', note: '   ' },
      manager
    )
    expect(empty).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } })
  })

  it('writes no resolution when its audit entry cannot be written', async () => {
    const { call, row } = await withConflict()
    t.station.db.exec(
      `CREATE TRIGGER fail_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'disk full'); END`
    )
    await expect(
      call('reports.resolve', { redemptionId: row.id, outcome: 'other', note: 'x' })
    ).rejects.toBeTruthy()
    expect(t.station.db.prepare('SELECT count(*) AS n FROM conflict_resolutions').get()).toEqual({ n: 0 })
  })

  it('is for managers only, and the training drill is refused on a live station', async () => {
    const { dispatch } = await withConflict()
    const cashier = new Session('test')
    cashier.signIn(t.cashier)
    expect(await dispatch('reports.conflicts', { state: 'open' }, cashier)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' }
    })
    expect(
      await dispatch('reports.day', { from: '2026-11-22', to: '2026-11-21' }, new Session('x'))
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_SIGNED_IN' }
    })
    const { reportsHandlers } = await import('../../src/main/ipc/handlers/reports')
    const { TrainingService } = await import('../../src/main/training/service')
    const services = { ...t.station.services, restore: t.station.restore }
    const liveTraining = new TrainingService({
      db: t.station.db,
      mode: 'live',
      sandbox: null,
      sync: services.sync,
      cards: services.cards,
      journal: services.journal,
      emit: () => {},
      background: false,
      now: Date.now
    })
    const live = reportsHandlers({ ...services, training: liveTraining })
    expect(() => live['reports.trainingUsedElsewhere']({ code: CODE })).toThrow(/training mode/)
  })

  it('the used-elsewhere drill finds a custom code too (the sandbox keeps those per card)', async () => {
    t = await trainingStation({ background: false })
    const custom = '880000001919' // training: the partner card's custom code
    const { reportsHandlers } = await import('../../src/main/ipc/handlers/reports')
    const handlers = reportsHandlers({ ...t.station.services, restore: t.station.restore })
    expect(handlers['reports.trainingUsedElsewhere']({ code: custom })).toMatchObject({ code: custom })
    expect(t.station.sandbox!.consumeCount(custom, TRAINING_CARD_IDS.custom)).toBe(1)
  })
})

describe('cross-till conflicts heard from both hubs', () => {
  it('lists a duplicate once when the store hub and the chain hub both report the same two redemptions', async () => {
    t = await trainingStation({ background: false })
    const db = t.station.db
    const at = Date.UTC(2026, 11, 5, 8, 0, 0)
    const story = (redemptionId: string, tillId: string, tillName: string, minutes: number) =>
      JSON.stringify({
        redemptionId,
        storeName: '上海一店',
        tillId,
        tillName,
        cashierName: '李娜',
        amountFen: 1000,
        at: at + minutes * 60_000
      })
    db.prepare(
      `INSERT INTO chain_link (id, hub_url, store_id, till_id, store_name, enrolled_at)
       VALUES (1, 'http://hq.example:7430', 'sh-01', 'till-me', '上海一店', ?)`
    ).run(at)
    // The store hub's collision: this till's r-mine met till 2's r-other.
    db.prepare(
      `INSERT INTO store_claims (redemption_id, card_id, code, cashier_id, cashier_name, amount_fen, at, state,
         checked, pending, holder_json, updated_at)
       VALUES ('r-mine', 'pCard', 'C1', 's1', '李娜', 1000, ?, 'collision', 0, NULL, ?, ?)`
    ).run(
      at,
      JSON.stringify({
        redemptionId: 'r-other',
        tillName: '2号机',
        cashier: { name: '王芳' },
        tillAt: at - 60_000
      }),
      at
    )
    // The chain hub found the same two redemptions, and another duplicate that only it knows.
    const chain = db.prepare(
      `INSERT INTO chain_conflicts (id, card_id, code, first_json, second_json, found_at, received_at)
       VALUES (?, 'pCard', ?, ?, ?, ?, ?)`
    )
    chain.run(
      1,
      'C1',
      story('r-other', 'till-2', '2号机', -1),
      story('r-mine', 'till-me', '1号机', 0),
      at,
      at
    )
    chain.run(
      2,
      'C2',
      story('r-far', 'till-hz', '杭州1号机', 5),
      story('r-mine-2', 'till-me', '1号机', 6),
      at,
      at
    )
    const listed = t.station.services.reports.crossTillConflicts(10)
    expect(listed.map((c) => [c.code, c.redemptionId, c.holder.redemptionId]).sort()).toEqual([
      ['C1', 'r-mine', 'r-other'],
      ['C2', 'r-mine-2', 'r-far']
    ])
  })
})
