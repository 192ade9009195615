/**
 * The online path: sendNow right after the ledger write, with a short deadline. Same bookkeeping as the
 * background worker; when the deadline passes the item stays queued and the worker finishes it.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { removeTempDbs } from './support/db'
import { UpstreamError } from '../../src/main/upstream/types'
import { CARD_A, workerHarness, type WorkerHarness } from './support/harness'
import { lostReply } from './support/fakeUpstream'

afterAll(removeTempDbs)

let h: WorkerHarness
afterEach(async () => {
  await h.worker.stop({ graceMs: 0 })
})

const CODE = '700000000001'

describe('sendNow', () => {
  it("answers 'confirmed' once WeChat confirmed the consume (no worker loop needed)", async () => {
    h = workerHarness()
    h.upstream.addCode(CODE, { cardId: CARD_A, status: 'NORMAL' })
    const id = h.record({ code: CODE, cardId: CARD_A })
    expect(await h.worker.sendNow(id)).toBe('confirmed')
    expect(h.view(id).status).toBe('synced')
    expect(h.updates()).toEqual([{ redemptionId: id, status: 'synced' }])
  })

  it("answers 'queued' at the deadline; the answer arrives later as redemption.updated", async () => {
    h = workerHarness()
    h.upstream.addCode(CODE, { cardId: CARD_A, status: 'NORMAL' })
    h.upstream.trouble.push({ op: 'consume', hang: true })
    const id = h.record({ code: CODE, cardId: CARD_A })
    h.worker.start()
    const answer = h.worker.sendNow(id, 1_500)
    await h.clock.advance(1_499)
    let settled = false
    void answer.then(() => (settled = true))
    await h.clock.advance(0)
    expect(settled).toBe(false)
    await h.clock.advance(1)
    expect(await answer).toBe('queued')
    expect(h.view(id)).toMatchObject({ status: 'pending', inFlight: 1 })
    h.upstream.release()
    await h.clock.advance(0)
    expect(h.view(id).status).toBe('synced')
    expect(h.updates()).toEqual([{ redemptionId: id, status: 'synced' }])
    expect(h.upstream.consumeCount(CODE)).toBe(1)
  })

  it("answers 'conflict' and 'rejected' straight away", async () => {
    h = workerHarness()
    h.upstream.addCode(CODE, { cardId: CARD_A, status: 'CONSUMED' })
    const used = h.record({ code: CODE, cardId: CARD_A })
    const unknown = h.record({ code: '700000000002', cardId: CARD_A })
    expect(await h.worker.sendNow(used)).toBe('conflict')
    expect(await h.worker.sendNow(unknown)).toBe('rejected')
  })

  it("answers 'queued' after a lost reply, and the worker settles it with code/get", async () => {
    h = workerHarness()
    h.upstream.addCode(CODE, { cardId: CARD_A, status: 'NORMAL' })
    h.upstream.trouble.push({ op: 'consume', applyThenFail: lostReply() })
    h.lookedUp(CODE)
    const id = h.record({ code: CODE, cardId: CARD_A })
    h.worker.start()
    expect(await h.worker.sendNow(id)).toBe('queued')
    await h.clock.advance(1_000)
    expect(h.view(id).status).toBe('synced')
    expect(h.upstream.calls.map((c) => c.op)).toEqual(['consume', 'get'])
  })

  it('joins the worker when it is already sending that item: one consume only', async () => {
    h = workerHarness()
    h.upstream.addCode(CODE, { cardId: CARD_A, status: 'NORMAL' })
    h.upstream.trouble.push({ op: 'consume', hang: true })
    const id = h.record({ code: CODE, cardId: CARD_A })
    h.worker.start()
    await h.clock.advance(0)
    expect(h.upstream.hanging).toBe(1)
    const answer = h.worker.sendNow(id)
    h.upstream.release()
    expect(await answer).toBe('confirmed')
    expect(h.upstream.calls.filter((c) => c.op === 'consume')).toHaveLength(1)
  })

  it('reports a settled item without calling anyone, and waits quietly during a quota pause', async () => {
    h = workerHarness()
    h.upstream.addCode(CODE, { cardId: CARD_A, status: 'NORMAL' })
    h.upstream.addCode('700000000003', { cardId: CARD_A, status: 'NORMAL' })
    const first = h.record({ code: CODE, cardId: CARD_A })
    expect(await h.worker.sendNow(first)).toBe('confirmed')
    expect(await h.worker.sendNow(first)).toBe('confirmed')
    expect(h.upstream.calls).toHaveLength(1)
    h.upstream.trouble.push({ op: 'consume', fail: new UpstreamError('quota_exhausted', 'quota', 45009) })
    const second = h.record({ code: '700000000003', cardId: CARD_A })
    expect(await h.worker.sendNow(second)).toBe('queued')
    const third = h.record({ code: '700000000004', cardId: CARD_A })
    expect(await h.worker.sendNow(third)).toBe('queued')
    expect(h.upstream.calls).toHaveLength(2)
  })

  it('refuses a redemption that has no outbox item', async () => {
    h = workerHarness()
    await expect(h.worker.sendNow('no-such-redemption')).rejects.toThrow('no outbox item')
  })
})
