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
