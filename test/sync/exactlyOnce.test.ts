/**
 * The worker's exactly-once bookkeeping over a non-idempotent consume, on a fake clock and a fake upstream:
 * the attempt is recorded before sending, an ambiguous outcome is resolved with code/get before any retry,
 * and a crash mid-request leaves enough behind to finish the job without consuming twice.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { removeTempDbs } from './support/db'
import { attempts, auditActions } from './support/redemptions'
import { CARD_A, workerHarness, type WorkerHarness } from './support/harness'
import { busy, lostReply, refused } from './support/fakeUpstream'

afterAll(removeTempDbs)

let h: WorkerHarness
afterEach(async () => {
  await h.worker.stop({ graceMs: 0 })
})

describe('the happy path', () => {
  it('sends queued redemptions once each, marks them synced and says so', async () => {
    h = workerHarness()
    const ids = ['111111111111', '222222222222', '333333333333'].map((code) => {
      h.upstream.addCode(code, { cardId: CARD_A, status: 'NORMAL' })
      return h.record({ code, cardId: CARD_A })
    })
    h.worker.start()
    await h.clock.advance(0)
    for (const id of ids) {
      expect(h.view(id)).toMatchObject({ status: 'synced', outboxState: 'done', inFlight: 0, attempts: 0 })
      expect(attempts(h.db, id)).toEqual([
        expect.objectContaining({ kind: 'consume', outcome: 'consumed', errcode: 0 })
      ])
      // A routine sync is told by sync_attempts; only conflicts and rejections enter the audit chain.
      expect(auditActions(h.db, id)).toEqual(['redemption.created'])
    }
    expect([...h.upstream.consumes.values()]).toEqual([1, 1, 1])
    expect(h.updates()).toEqual(ids.map((redemptionId) => ({ redemptionId, status: 'synced' })))
  })

  it('fills in the card and openid the upstream reports when the ledger had none', async () => {
    h = workerHarness()
    h.upstream.addCode('444444444444', { cardId: CARD_A, status: 'NORMAL' })
    const id = h.record({ code: '444444444444' })
    h.worker.start()
    await h.clock.advance(0)
    const row = h.db.prepare('SELECT card_id, openid, synced_at FROM redemptions WHERE id = ?').get(id)
    expect(row).toEqual({
      card_id: CARD_A,
      openid: 'oFAKEopenid000000000000000000',
      synced_at: h.clock.now()
    })
  })
})

describe('an answer that never came', () => {
  it('a consume applied with its reply lost is confirmed by code/get, never consumed again', async () => {
    h = workerHarness()
    h.upstream.addCode('555555555555', { cardId: CARD_A, status: 'NORMAL' })
    h.upstream.trouble.push({ op: 'consume', applyThenFail: lostReply() })
    // The cashier's look-up saw it NORMAL just before: nobody else had time to use it.
    h.lookedUp('555555555555')
    const id = h.record({ code: '555555555555', cardId: CARD_A })
    h.worker.start()
    await h.clock.advance(0)
    expect(h.view(id)).toMatchObject({ status: 'pending', outboxState: 'queued', inFlight: 1, attempts: 1 })
    await h.clock.advance(1_000)
    expect(h.view(id)).toMatchObject({ status: 'synced', inFlight: 0 })
    expect(h.upstream.calls.map((c) => c.op)).toEqual(['consume', 'get'])
    expect(h.upstream.consumeCount('555555555555')).toBe(1)
    expect(attempts(h.db, id).map((a) => [a.kind, a.outcome])).toEqual([
      ['consume', 'ambiguous'],
      ['status_check', 'status']
    ])
  })

  it('a consume that did not take effect is checked first, then sent again', async () => {
    h = workerHarness()
    h.upstream.addCode('666666666666', { cardId: CARD_A, status: 'NORMAL' })
    h.upstream.trouble.push({ op: 'consume', fail: lostReply() })
    const id = h.record({ code: '666666666666', cardId: CARD_A })
    h.worker.start()
    await h.clock.advance(1_000)
    expect(h.view(id).status).toBe('synced')
    expect(h.upstream.calls.map((c) => c.op)).toEqual(['consume', 'get', 'consume'])
    expect(h.upstream.consumeCount('666666666666')).toBe(1)
  })

  it('-1 after a consume is treated as ambiguous (docs/wechat-api.md §10)', async () => {
    h = workerHarness()
    h.upstream.addCode('777777777777', { cardId: CARD_A, status: 'NORMAL' })
    h.upstream.trouble.push({ op: 'consume', fail: busy(true) })
    const id = h.record({ code: '777777777777', cardId: CARD_A })
    h.worker.start()
    await h.clock.advance(1_000)
    expect(h.view(id).status).toBe('synced')
    expect(h.upstream.calls.map((c) => c.op)).toEqual(['consume', 'get', 'consume'])
  })

  it('a refused connection is not ambiguous: not in flight, and the retry checks the code like any later consume', async () => {
    h = workerHarness()
    h.upstream.addCode('888888888888', { cardId: CARD_A, status: 'NORMAL' })
    h.upstream.trouble.push({ op: 'consume', fail: refused() })
    const id = h.record({ code: '888888888888', cardId: CARD_A })
    h.worker.start()
    await h.clock.advance(0)
    expect(h.view(id)).toMatchObject({ inFlight: 0, attempts: 1 })
    await h.clock.advance(1_000)
    expect(h.view(id).status).toBe('synced')
    expect(h.upstream.calls.map((c) => c.op)).toEqual(['consume', 'get', 'consume'])
    expect(attempts(h.db, id).map((a) => [a.kind, a.outcome])).toEqual([
      ['consume', 'not_applied'],
      ['status_check', 'status'],
      ['consume', 'consumed']
    ])
  })

  it('our earlier consume landing late turns a later 40099 into synced, not a conflict', async () => {
    h = workerHarness()
    const code = '999999999999'
    h.upstream.addCode(code, { cardId: CARD_A, status: 'NORMAL' })
    h.upstream.trouble.push({ op: 'consume', fail: lostReply() })
    // The first request was only delayed: it is applied right after the status check saw NORMAL.
    h.upstream.beforeCall = (call) => {
      const entry = h.upstream.codes.get(code)
      if (call.op === 'consume' && h.upstream.calls.length === 3 && entry) entry.status = 'CONSUMED'
    }
    h.lookedUp(code)
    const id = h.record({ code, cardId: CARD_A })
    h.worker.start()
    await h.clock.advance(1_000)
    expect(h.upstream.calls.map((c) => c.op)).toEqual(['consume', 'get', 'consume'])
    expect(h.view(id)).toMatchObject({ status: 'synced' })
    expect(attempts(h.db, id).map((a) => [a.kind, a.outcome, a.errcode])).toEqual([
      ['consume', 'ambiguous', null],
      ['status_check', 'status', 0],
      ['consume', 'refused', 40099]
    ])
  })
})

describe('consumed, but maybe not by us (docs/reliability.md § An ambiguous consume)', () => {
  it('used elsewhere after a look-up that is no longer fresh: asked again first, a conflict before any consume', async () => {
    h = workerHarness()
    const code = '171717171717'
    h.upstream.addCode(code, { cardId: CARD_A, status: 'NORMAL' })
    // The cashier looked it up NORMAL, then typed the bill for a minute; meanwhile it was used elsewhere.
    h.lookedUp(code, { at: h.clock.now() - 60_000 })
    h.upstream.codes.get(code)!.status = 'CONSUMED'
    h.upstream.trouble.push({ op: 'consume', fail: busy(true) })
    const id = h.record({ code, cardId: CARD_A })
    h.worker.start()
    await h.clock.advance(1_000)
    expect(h.upstream.calls.map((c) => c.op)).toEqual(['get'])
    expect(h.upstream.consumeCount(code)).toBe(0)
    expect(h.view(id)).toMatchObject({ status: 'conflict', statusReason: 'used_elsewhere' })
  })

  it('no NORMAL answer on record before our consume: a lost answer followed by CONSUMED cannot be told — conflict', async () => {
    h = workerHarness()
    const code = '181818181818'
    h.upstream.addCode(code, { cardId: CARD_A, status: 'NORMAL' })
    h.upstream.trouble.push({ op: 'consume', applyThenFail: lostReply() })
    const id = h.record({ code, cardId: CARD_A })
    h.worker.start()
    await h.clock.advance(1_000)
    expect(h.upstream.consumeCount(code)).toBe(1)
    expect(h.view(id)).toMatchObject({ status: 'conflict', statusReason: 'consumed_unverified' })
    const detail = JSON.parse(
      (
        h.db
          .prepare('SELECT detail_json FROM audit_log WHERE subject = ? ORDER BY id DESC LIMIT 1')
          .get(id) as { detail_json: string }
      ).detail_json
    ) as Record<string, unknown>
    expect(detail).toMatchObject({ reason: 'consumed_unverified', consumedByUs: 'unknown' })
  })

  it('an offline item checked NORMAL by the worker right before its lost consume is ours', async () => {
    h = workerHarness()
    const code = '191919191919'
    h.upstream.addCode(code, { cardId: CARD_A, status: 'NORMAL' })
    h.upstream.trouble.push({ op: 'consume', applyThenFail: lostReply() })
    const id = h.record({ code, cardId: CARD_A, online: false })
    h.worker.start()
    await h.clock.advance(1_000)
    expect(h.upstream.calls.map((c) => c.op)).toEqual(['get', 'consume', 'get'])
    expect(h.view(id)).toMatchObject({ status: 'synced' })
  })
})

describe('the station died mid-request', () => {
  /** What a SIGKILL after beginConsume leaves: in_flight = 1 and an attempt without an outcome. */
  const crashAfterSend = (id: string): void => {
    const { seq } = h.db.prepare('SELECT seq FROM outbox WHERE redemption_id = ?').get(id) as { seq: number }
    h.db.prepare('UPDATE outbox SET in_flight = 1 WHERE seq = ?').run(seq)
    h.db
      .prepare(`INSERT INTO sync_attempts (outbox_seq, kind, started_at) VALUES (?, 'consume', ?)`)
      .run(seq, h.clock.now())
  }

  it('the consume had taken effect: code/get says CONSUMED, the item is synced', async () => {
    h = workerHarness()
    h.upstream.addCode('121212121212', { cardId: CARD_A, status: 'CONSUMED' })
    h.lookedUp('121212121212')
    const id = h.record({ code: '121212121212', cardId: CARD_A })
    crashAfterSend(id)
    h.worker.start()
    await h.clock.advance(0)
    expect(h.view(id)).toMatchObject({ status: 'synced', inFlight: 0 })
    expect(h.upstream.calls.map((c) => c.op)).toEqual(['get'])
    expect(attempts(h.db, id)[0]).toMatchObject({ kind: 'consume', outcome: 'unknown' })
  })

  it('the consume never arrived: code/get says NORMAL, it is sent once more', async () => {
    h = workerHarness()
    h.upstream.addCode('131313131313', { cardId: CARD_A, status: 'NORMAL' })
    const id = h.record({ code: '131313131313', cardId: CARD_A })
    crashAfterSend(id)
    h.worker.start()
    await h.clock.advance(0)
    expect(h.view(id).status).toBe('synced')
    expect(h.upstream.calls.map((c) => c.op)).toEqual(['get', 'consume'])
    expect(h.upstream.consumeCount('131313131313')).toBe(1)
  })

  it('the status question fails too: the item stays in flight until it can be asked', async () => {
    h = workerHarness()
    h.upstream.addCode('141414141414', { cardId: CARD_A, status: 'CONSUMED' })
    h.upstream.trouble.push({ op: 'get', fail: refused() })
    h.lookedUp('141414141414')
    const id = h.record({ code: '141414141414', cardId: CARD_A })
    crashAfterSend(id)
    h.worker.start()
    await h.clock.advance(0)
    expect(h.view(id)).toMatchObject({ status: 'pending', inFlight: 1, attempts: 1 })
    await h.clock.advance(1_000)
    expect(h.view(id)).toMatchObject({ status: 'synced', inFlight: 0 })
    expect(h.upstream.calls.map((c) => c.op)).toEqual(['get', 'get'])
  })
})

describe('stopping', () => {
  it('aborts a request on the wire; the next worker resolves it with code/get', async () => {
    h = workerHarness()
    h.upstream.addCode('151515151515', { cardId: CARD_A, status: 'NORMAL' })
    h.upstream.trouble.push({ op: 'consume', hang: true })
    const id = h.record({ code: '151515151515', cardId: CARD_A })
    h.worker.start()
    await h.clock.advance(0)
    expect(h.upstream.hanging).toBe(1)
    await h.worker.stop({ graceMs: 0 })
    expect(h.view(id)).toMatchObject({ status: 'pending', inFlight: 1 })
    const next = workerHarness({ db: h.db })
    next.upstream.addCode('151515151515', { cardId: CARD_A, status: 'NORMAL' })
    next.worker.start()
    // The aborted attempt was rescheduled like any failure (within 1 s).
    await next.clock.advance(1_000)
    expect(next.view(id).status).toBe('synced')
    expect(next.upstream.calls.map((c) => c.op)).toEqual(['get', 'consume'])
    await next.worker.stop({ graceMs: 0 })
  })

  it('sends nothing for an item voided before it went out', async () => {
    h = workerHarness()
    h.upstream.addCode('161616161616', { cardId: CARD_A, status: 'NORMAL' })
    h.upstream.trouble.push({ op: 'get', hang: true })
    // Offline: the worker asks code/get first, and the cashier voids while that is on its way.
    const id = h.record({ code: '161616161616', cardId: CARD_A, online: false })
    h.worker.start()
    await h.clock.advance(0)
    const { Ledger } = await import('../../src/main/redeem/ledger')
    expect(
      new Ledger(h.db).voidUnsynced(
        id,
        { staffId: 'm1', name: '店长', role: 'manager' },
        'customer left',
        h.clock.now()
      )
    ).toBe('voided')
    h.upstream.release()
    await h.clock.advance(0)
    expect(h.upstream.calls.map((c) => c.op)).toEqual(['get'])
    expect(h.view(id)).toMatchObject({ status: 'voided', outboxState: 'cancelled' })
    // The question that was asked stays on record.
    expect(attempts(h.db, id).map((a) => [a.kind, a.outcome])).toEqual([['status_check', 'status']])
  })
})
