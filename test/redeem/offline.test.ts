/** Offline: the look-up falls back to the cache and the offline policy; the redemption queues and syncs on heal. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { trainingSeed } from '../../src/main/upstream/sandbox'
import { trainingStation, type TestStation } from '../support/station'

let t: TestStation
const seed = trainingSeed(Date.now())
const code = (key: string) => seed.scenarios.find((s) => s.key === key)!.code
const scan = (raw: string, device = 'manual') =>
  t.station.services.redemptions.lookup({ source: 'manual', device, raw }, t.cashier, t.session.id)

beforeAll(async () => {
  t = await trainingStation()
  expect((await t.station.services.cards.refresh()).ok).toBe(true)
})
afterAll(async () => {
  await t.station.close()
})

async function until(check: () => boolean, what: string, ms = 15_000) {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe('offline', () => {
  it('decides from the cache under the offline policy, queues, and syncs when the network heals', async () => {
    const depths: number[] = []
    t.station.events.onAny((event, payload) => {
      if (event === 'sync.state') depths.push((payload as { queueDepth: number }).queueDepth)
    })
    // Seen once online: the station remembers which card the code belongs to.
    expect((await scan(code('CASH_NO_THRESHOLD'), 'online-scan')).connectivity).toBe('online')
    t.station.sandbox!.startPartition('refuse')
    const view = await scan(code('CASH_NO_THRESHOLD'))
    expect(view.connectivity).toBe('offline')
    expect(view.cardSource).toBe('cache')
    expect(view.decision?.outcome).toBe('OK')
    expect(view.decision?.reasons.map((r) => r.code)).toContain('OFFLINE')
    const result = await t.station.services.redemptions.commit(
      { lookupId: view.lookupId, otherDiscount: false, confirmWarnings: false },
      t.cashier,
      t.session.id
    )
    expect(result.sync).toBe('queued')
    // The screens hear at once that something waits to sync.
    await until(() => depths.some((d) => d >= 1), 'a sync.state with the queued item', 1000)
    expect(result.redemption).toMatchObject({ status: 'pending', online: false })
    expect(t.station.sandbox!.consumeCount(code('CASH_NO_THRESHOLD'))).toBe(0)

    // A second scan of the same code while still offline: caught locally.
    const again = await scan(code('CASH_NO_THRESHOLD'), 'other-device')
    expect(again.decision?.outcome).toBe('DUPLICATE')

    t.station.sandbox!.heal()
    t.station.services.sync.notify()
    await until(() => t.station.services.ledger.get(result.redemption.id)?.status === 'synced', 'the sync')
    expect(t.station.sandbox!.consumeCount(code('CASH_NO_THRESHOLD'))).toBe(1)
  })

  it('applies the offline face-value cap (manager PIN above ¥50)', async () => {
    await scan(code('HIGH_VALUE'), 'online-scan')
    t.station.sandbox!.startPartition('refuse')
    const view = await scan(code('HIGH_VALUE'))
    expect(view.decision?.outcome).toBe('WARN')
    expect(view.decision?.reasons.map((r) => r.code)).toEqual(
      expect.arrayContaining(['OFFLINE_FACE_VALUE_CAP'])
    )
    t.station.sandbox!.heal()
  })

  it('offers the store cards for an unknown offline code and redeems the picked one as pending', async () => {
    expect(t.station.services.settings.policy().offline.allowUnknownCards).toBe(true) // training default
    t.station.sandbox!.startPartition('refuse')
    const view = await scan('777777777777')
    expect(view.connectivity).toBe('offline')
    expect(view.card).toBeNull()
    expect(view.choices.length).toBeGreaterThan(3)
    expect(view.choices.some((c) => c.cardType === 'MEMBER_CARD')).toBe(false)
    const gift = view.choices.find((c) => c.cardType === 'GIFT')!
    const picked = t.station.services.redemptions.evaluate(
      { lookupId: view.lookupId, otherDiscount: false, pickedCardId: gift.cardId },
      t.cashier,
      t.session.id
    )
    expect(picked.cardSource).toBe('picked')
    expect(picked.card).toMatchObject({ cardId: gift.cardId })
    const result = await t.station.services.redemptions.commit(
      { lookupId: view.lookupId, otherDiscount: false, pickedCardId: gift.cardId, confirmWarnings: true },
      t.cashier,
      t.session.id
    )
    expect(result.redemption.status).toBe('pending')
    expect(t.station.services.ledger.get(result.redemption.id)?.picked_card_id).toBe(gift.cardId)
    t.station.sandbox!.heal()
  })
})
