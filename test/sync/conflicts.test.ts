/**
 * Where a redemption ends when WeChat disagrees: conflict (used elsewhere first, or another card than the one
 * recorded/picked) with the whole story kept, or rejected with a reason. Nothing is dropped, each change is audited.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { removeTempDbs } from './support/db'
import { attempts, auditActions } from './support/redemptions'
import { CARD_A, CARD_B, workerHarness, type WorkerHarness } from './support/harness'
import { lostReply } from './support/fakeUpstream'

afterAll(removeTempDbs)

let h: WorkerHarness
afterEach(async () => {
  await h.worker.stop({ graceMs: 0 })
})

const run = async (): Promise<void> => {
  h.worker.start()
  await h.clock.advance(0)
}

const auditDetail = (id: string): Record<string, unknown> =>
  JSON.parse(
    (
      h.db
        .prepare('SELECT detail_json FROM audit_log WHERE subject = ? ORDER BY id DESC LIMIT 1')
        .get(id) as {
        detail_json: string
      }
    ).detail_json
  ) as Record<string, unknown>

describe('used elsewhere first', () => {
  it('an offline redemption of a code consumed elsewhere is a conflict, found before any consume', async () => {
    h = workerHarness()
    h.upstream.addCode('200000000001', { cardId: CARD_A, status: 'CONSUMED' })
    const id = h.record({ code: '200000000001', cardId: CARD_A, online: false })
    await run()
    expect(h.view(id)).toMatchObject({
      status: 'conflict',
      statusReason: 'used_elsewhere',
      outboxState: 'conflict'
    })
    expect(h.upstream.calls.map((c) => c.op)).toEqual(['get'])
    expect(auditActions(h.db, id)).toEqual(['redemption.created', 'redemption.conflict'])
    expect(auditDetail(id)).toMatchObject({
      reason: 'used_elsewhere',
      consumedByUs: false,
      upstreamCardId: CARD_A
    })
    expect(h.updates()).toEqual([{ redemptionId: id, status: 'conflict' }])
  })

  it("40099 on a redemption's first-ever consume is a conflict", async () => {
    h = workerHarness()
    h.upstream.addCode('200000000002', { cardId: CARD_A, status: 'CONSUMED' })
    const id = h.record({ code: '200000000002', cardId: CARD_A })
    await run()
    expect(h.view(id)).toMatchObject({ status: 'conflict', statusReason: 'used_elsewhere' })
    expect(attempts(h.db, id)).toEqual([
      expect.objectContaining({ kind: 'consume', outcome: 'refused', errcode: 40099 })
    ])
  })

  it('used elsewhere between the check and our consume is still a conflict', async () => {
    h = workerHarness()
    const code = '200000000003'
    h.upstream.addCode(code, { cardId: CARD_A, status: 'NORMAL' })
    h.upstream.beforeCall = (call) => {
      const entry = h.upstream.codes.get(code)
      if (call.op === 'consume' && entry) entry.status = 'CONSUMED'
    }
    const id = h.record({ code, cardId: CARD_A, online: false })
    await run()
    expect(h.upstream.calls.map((c) => c.op)).toEqual(['get', 'consume'])
    expect(h.view(id)).toMatchObject({ status: 'conflict', statusReason: 'used_elsewhere' })
  })

  it('after a lost reply, an offline redemption checked NORMAL beforehand is ours when WeChat says CONSUMED', async () => {
    h = workerHarness()
    h.upstream.addCode('200000000004', { cardId: CARD_A, status: 'NORMAL' })
    h.upstream.trouble.push({ op: 'consume', applyThenFail: lostReply() })
    const id = h.record({ code: '200000000004', cardId: CARD_A, online: false })
    await run()
    await h.clock.advance(1_000)
    expect(h.upstream.calls.map((c) => c.op)).toEqual(['get', 'consume', 'get'])
    expect(h.view(id).status).toBe('synced')
  })
})

describe('another card than recorded', () => {
  it('the cashier picked card A offline, WeChat says B: conflict, and nothing irreversible was done', async () => {
    h = workerHarness()
    h.upstream.addCode('300000000001', { cardId: CARD_B, status: 'NORMAL' })
    const id = h.record({ code: '300000000001', pickedCardId: CARD_A, online: false })
    await run()
    expect(h.view(id)).toMatchObject({ status: 'conflict', statusReason: 'card_mismatch' })
    expect(h.upstream.consumeCount('300000000001')).toBe(0)
    expect(auditDetail(id)).toMatchObject({
      pickedCardId: CARD_A,
      upstreamCardId: CARD_B,
      consumedByUs: false
    })
    const check = JSON.parse(attempts(h.db, id)[0]?.detail ?? '{}') as { cardId?: string; status?: string }
    expect(check).toMatchObject({ cardId: CARD_B, status: 'NORMAL' })
  })

  it('the consume reply names another card than recorded: conflict, marked as consumed upstream', async () => {
    h = workerHarness()
    h.upstream.addCode('300000000002', { cardId: CARD_B, status: 'NORMAL', ignoresCardId: true })
    const id = h.record({ code: '300000000002', cardId: CARD_A })
    await run()
    expect(h.view(id)).toMatchObject({ status: 'conflict', statusReason: 'card_mismatch_consumed' })
    expect(h.upstream.consumeCount('300000000002')).toBe(1)
    expect(auditDetail(id)).toMatchObject({
      consumedByUs: true,
      upstreamCardId: CARD_B,
      recordedCardId: CARD_A
    })
  })

  it('a picked custom-code card is asked with its card_id and then consumed with it', async () => {
    h = workerHarness()
    h.upstream.addCode('880000000001', { cardId: CARD_A, status: 'NORMAL', custom: true })
    const id = h.record({ code: '880000000001', pickedCardId: CARD_A, online: false })
    await run()
    expect(h.view(id).status).toBe('synced')
    expect(h.upstream.calls).toEqual([
      { op: 'get', code: '880000000001', cardId: undefined },
      { op: 'get', code: '880000000001', cardId: CARD_A },
      { op: 'consume', code: '880000000001', cardId: CARD_A }
    ])
  })
})

describe('rejected with a reason', () => {
  it.each([
    ['unknown code', undefined, 'wechat:40056'],
    ['member card', { cardId: CARD_A, status: 'NORMAL', memberCard: true } as const, 'wechat:40071'],
    ['being gifted', { cardId: CARD_A, status: 'GIFTING' } as const, 'wechat:40127']
  ])('online, %s', async (_name, fake, reason) => {
    h = workerHarness()
    if (fake) h.upstream.addCode('400000000001', fake)
    const id = h.record({ code: '400000000001', cardId: CARD_A })
    await run()
    expect(h.view(id)).toMatchObject({ status: 'rejected', outboxState: 'rejected', statusReason: reason })
    expect(auditActions(h.db, id)).toEqual(['redemption.created', 'redemption.rejected'])
    expect(h.updates()).toEqual([{ redemptionId: id, status: 'rejected' }])
  })

  it.each(['EXPIRE', 'GIFTING', 'DELETE', 'UNAVAILABLE', 'GIFT_TIMEOUT'] as const)(
    'offline, code/get says %s: rejected with that state, nothing consumed',
    async (status) => {
      h = workerHarness()
      h.upstream.addCode('400000000002', { cardId: CARD_A, status })
      const id = h.record({ code: '400000000002', cardId: CARD_A, online: false })
      await run()
      expect(h.view(id)).toMatchObject({ status: 'rejected', statusReason: `status:${status}` })
      expect(h.upstream.calls.map((c) => c.op)).toEqual(['get'])
    }
  )

  it('offline, unknown even with the recorded card: rejected 40056 after asking both ways', async () => {
    h = workerHarness()
    const id = h.record({ code: '400000000003', cardId: CARD_A, online: false })
    await run()
    expect(h.view(id)).toMatchObject({ status: 'rejected', statusReason: 'wechat:40056' })
    expect(h.upstream.calls.map((c) => c.cardId)).toEqual([undefined, CARD_A])
  })
})
