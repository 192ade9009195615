/**
 * The redemption service end to end in-process: the real WeChat client talking to the training sandbox,
 * decide(), the ledger and the outbox worker. Every training scenario reaches its documented outcome.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { trainingSeed } from '../../src/main/upstream/sandbox'
import { trainingStation, type TestStation } from '../support/station'

let t: TestStation
const scan = (raw: string, device = 'manual') =>
  t.station.services.redemptions.lookup({ source: 'manual', device, raw }, t.cashier, t.session.id)

beforeAll(async () => {
  t = await trainingStation()
  // Online look-ups fetch missing cards on demand, but the offline scenarios need the cache.
  const refreshed = await t.station.services.cards.refresh()
  expect(refreshed.ok).toBe(true)
})
afterAll(async () => {
  await t.station.close()
})

const scenarios = trainingSeed(Date.now()).scenarios.filter((s) => s.key !== 'NETWORK_DOWN')

describe('training scenarios through the real client, sandbox and rules', () => {
  it.each(scenarios.map((s) => [s.key, s] as const))(
    '%s reaches its expected outcome',
    async (_key, scenario) => {
      let view = await scan(scenario.code)
      // A custom code: WeChat needs its card, the counter asks the cashier (the sheet says which to pick).
      if (view.decision?.reasons.some((r) => r.code === 'CUSTOM_CODE_CARD_NEEDED')) {
        // The scenario's card, or (a code WeChat does not know at all) whichever is offered.
        const cardId = scenario.cardId ?? view.choices[0]?.cardId
        expect(view.choices.map((c) => c.cardId)).toContain(cardId)
        view = await t.station.services.redemptions.lookup(
          { source: 'manual', device: 'manual', raw: scenario.code, cardId },
          t.cashier,
          t.session.id
        )
      }
      expect(view.rejected).toBeNull()
      expect(view.code).toBe(scenario.code)
      expect(view.decision?.outcome, JSON.stringify(view.decision?.reasons.map((r) => r.code))).toBe(
        scenario.expected
      )
      if (scenario.followUp) {
        const after = t.station.services.redemptions.evaluate(
          { lookupId: view.lookupId, billFen: scenario.followUp.billFen, otherDiscount: false },
          t.cashier,
          t.session.id
        )
        expect(after.decision?.outcome).toBe(scenario.followUp.expected)
        expect(after.decision?.money.billAmount).toBe(scenario.followUp.billFen)
        const money = after.decision!.money
        expect(money.discount + (money.payable ?? 0)).toBe(scenario.followUp.billFen)
      }
    }
  )
})

describe('redeem', () => {
  const seed = trainingSeed(Date.now())
  const code = (key: string) => seed.scenarios.find((s) => s.key === key)!.code

  it('redeems online, is confirmed by WeChat, and the sandbox consumed it once', async () => {
    const view = await scan(code('CASH_NO_THRESHOLD'))
    const result = await t.station.services.redemptions.commit(
      { lookupId: view.lookupId, otherDiscount: false, confirmWarnings: false },
      t.cashier,
      t.session.id
    )
    expect(result.sync).toBe('confirmed')
    expect(result.redemption).toMatchObject({ status: 'synced', cashierName: '李娜', discountFen: 1000 })
    expect(t.station.sandbox?.consumeCount(code('CASH_NO_THRESHOLD'))).toBe(1)
    // committing the same look-up again writes nothing new
    const again = await t.station.services.redemptions.commit(
      { lookupId: view.lookupId, otherDiscount: false, confirmWarnings: false },
      t.cashier,
      t.session.id
    )
    expect(again).toMatchObject({ repeated: true, redemption: { id: result.redemption.id } })
  })

  it('treats the same code from the same device within 2 s as a double read', async () => {
    const first = await scan(code('GIFT'), 'scanner-A')
    const countScans = () => {
      t.station.services.journal.flush()
      return (t.station.db.prepare('SELECT count(*) AS n FROM scan_events').get() as { n: number }).n
    }
    const before = countScans()
    const second = await scan(code('GIFT'), 'scanner-A')
    expect(second.doubleRead).toBe(true)
    expect(second.lookupId).toBe(first.lookupId)
    expect(countScans()).toBe(before)
    const otherDevice = await scan(code('GIFT'), 'scanner-B')
    expect(otherDevice.doubleRead).toBe(false)
  })

  it('shows a second scan after redeeming as DUPLICATE with the original details', async () => {
    const view = await scan(code('GROUPON'), 'scanner-C')
    await t.station.services.redemptions.commit(
      { lookupId: view.lookupId, otherDiscount: false, confirmWarnings: false },
      t.cashier,
      t.session.id
    )
    const again = await scan(code('GROUPON'), 'scanner-D')
    expect(again.decision?.outcome).toBe('DUPLICATE')
    if (again.decision?.outcome === 'DUPLICATE') {
      expect(again.decision.original).toMatchObject({ cashier: '李娜', station: '收银台 1' })
    }
  })

  it('requires a manager approval for a high-value coupon', async () => {
    const view = await scan(code('HIGH_VALUE'))
    expect(view.decision).toMatchObject({ outcome: 'WARN', managerPinRequired: true })
    await expect(
      t.station.services.redemptions.commit(
        { lookupId: view.lookupId, otherDiscount: false, confirmWarnings: true },
        t.cashier,
        t.session.id
      )
    ).rejects.toMatchObject({ code: 'MANAGER_PIN_REQUIRED' })
    const token = t.station.services.approvals.grant(t.manager, 'redeem', view.lookupId)
    const result = await t.station.services.redemptions.commit(
      { lookupId: view.lookupId, otherDiscount: false, confirmWarnings: true, approvalToken: token },
      t.cashier,
      t.session.id
    )
    expect(result.redemption.approvedBy).toBe('王店长')
  })

  it('rejects garbage scans with a clear reason and logs them', async () => {
    const view = await scan('\u0000\u0001\u0002garbage')
    expect(view.rejected?.reason).toBe('BINARY_GARBAGE')
    expect(view.decision).toBeNull()
  })
})
