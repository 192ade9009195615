/**
 * Custom codes are (card_id, code) (docs/reliability.md § Custom codes): the same string under two custom-code
 * cards is two coupons, each redeemed and synced once; a plain code stays unique on its own; the same
 * (card, custom code) again is DUPLICATE. The station's real WeChat client talks to the sandbox over loopback
 * HTTP (live mode pointed at the sandbox server), online and offline.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeSetting } from '../../src/main/db/settings'
import {
  Sandbox,
  startSandboxServer,
  TRAINING_APP_ID,
  TRAINING_APP_SECRET,
  type SandboxServer
} from '../../src/main/upstream/sandbox'
import type { LookupView } from '../../src/shared/redeem'
import { CUSTOM_A, CUSTOM_B, PLAIN, twoCustomCardsSeed } from '../support/customCards'
import { trainingStation, type TestStation } from '../support/station'

const ONLINE = 'PARTNER-000001'
const OFFLINE = 'PARTNER-000002'
const RULED = 'PARTNER-000003'
const PLAIN_ONLINE = '310000000001'
const PLAIN_OFFLINE = '310000000002'

let t: TestStation
let sandbox: Sandbox
let server: SandboxServer
let devices = 0

beforeAll(async () => {
  sandbox = new Sandbox({
    now: Date.now,
    seed: twoCustomCardsSeed(Date.now(), {
      shared: [ONLINE, OFFLINE, RULED],
      plain: [PLAIN_ONLINE, PLAIN_OFFLINE]
    })
  })
  server = await startSandboxServer({ sandbox })
  t = await trainingStation({
    mode: 'live',
    live: {
      baseUrl: server.url,
      credentials: { kind: 'appSecret', appId: TRAINING_APP_ID, appSecret: TRAINING_APP_SECRET }
    }
  })
  const policy = t.station.services.settings.policy()
  t.station.services.settings.setPolicy({
    ...policy,
    offline: { ...policy.offline, allowUnknownCards: true }
  })
  expect((await t.station.services.cards.refresh()).ok).toBe(true)
})
afterAll(async () => {
  await t?.station.close()
  await server?.close()
})

/** Every scan from its own device: these are separate customers, not the 2-second double read. */
const scan = (raw: string, cardId?: string): Promise<LookupView> =>
  t.station.services.redemptions.lookup(
    { source: 'manual', device: `till-${++devices}`, raw, ...(cardId ? { cardId } : {}) },
    t.cashier,
    t.session.id
  )
const pick = (view: LookupView, pickedCardId: string): LookupView =>
  t.station.services.redemptions.evaluate(
    { lookupId: view.lookupId, otherDiscount: false, pickedCardId },
    t.cashier,
    t.session.id
  )
const commit = (view: LookupView, pickedCardId?: string, approvalToken?: string) =>
  t.station.services.redemptions.commit(
    {
      lookupId: view.lookupId,
      otherDiscount: false,
      confirmWarnings: true,
      ...(pickedCardId ? { pickedCardId } : {}),
      ...(approvalToken ? { approvalToken } : {})
    },
    t.cashier,
    t.session.id
  )
/** Live and offline, a card the cashier picks needs the manager's PIN (docs/offline-policy.md). */
const approve = (view: LookupView) => t.station.services.approvals.grant(t.manager, 'redeem', view.lookupId)
const reasons = (view: LookupView) => view.decision?.reasons.map((r) => r.code) ?? []

async function until(check: () => boolean, what: string, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

const consumeAttempts = (redemptionId: string): number =>
  (
    t.station.db
      .prepare(
        `SELECT count(*) AS n FROM sync_attempts a JOIN outbox o ON o.seq = a.outbox_seq
         WHERE o.redemption_id = ? AND a.kind = 'consume'`
      )
      .get(redemptionId) as { n: number }
  ).n

/** The card the first answered status check of an item asked about (checks lost in the partition don't count). */
const firstCheckAskedCard = (redemptionId: string): string | null => {
  const row = t.station.db
    .prepare(
      `SELECT a.detail FROM sync_attempts a JOIN outbox o ON o.seq = a.outbox_seq
       WHERE o.redemption_id = ? AND a.kind = 'status_check' AND a.outcome IN ('status', 'refused')
       ORDER BY a.id LIMIT 1`
    )
    .get(redemptionId) as { detail: string } | undefined
  return row ? (JSON.parse(row.detail) as { askedCardId: string | null }).askedCardId : null
}

describe('the same custom code under two cards', () => {
  it('online: the cashier picks the card, both coupons redeem and are confirmed once; the same pair again is DUPLICATE', async () => {
    const first = await scan(ONLINE)
    expect(reasons(first)).toEqual(['CUSTOM_CODE_CARD_NEEDED'])
    expect(first.choices.map((c) => c.cardId).sort()).toEqual([CUSTOM_A, CUSTOM_B].sort())

    // As the counter does on a pick: a fresh look-up with the card (WeChat must be asked with the card_id).
    const a = await scan(ONLINE, CUSTOM_A)
    expect(a.decision?.outcome).toBe('OK')
    const redeemedA = await commit(a)
    expect(redeemedA.sync).toBe('confirmed')

    const b = await scan(ONLINE, CUSTOM_B)
    expect(b.decision?.outcome, JSON.stringify(reasons(b))).toBe('OK')
    const redeemedB = await commit(b)
    expect(redeemedB.sync).toBe('confirmed')
    expect(redeemedB.redemption.cardId).toBe(CUSTOM_B)

    expect(sandbox.consumeCount(ONLINE, CUSTOM_A)).toBe(1)
    expect(sandbox.consumeCount(ONLINE, CUSTOM_B)).toBe(1)
    for (const r of [redeemedA, redeemedB]) expect(consumeAttempts(r.redemption.id)).toBe(1)

    for (const [card, original] of [
      [CUSTOM_A, redeemedA],
      [CUSTOM_B, redeemedB]
    ] as const) {
      const again = await scan(ONLINE, card)
      expect(again.decision?.outcome).toBe('DUPLICATE')
      expect(again.decision).toMatchObject({ original: { synced: true, cashier: t.cashier.name } })
      await expect(commit(again)).rejects.toMatchObject({ code: 'NOT_REDEEMABLE' })
      expect(original.redemption.status).toBe('synced')
    }
    expect(sandbox.consumeCount(ONLINE)).toBe(2)
  })

  it('offline: both picked coupons queue, a repeat of one is DUPLICATE, and each syncs exactly once on heal', async () => {
    sandbox.startPartition('refuse')
    try {
      const first = await scan(OFFLINE)
      expect(first.connectivity).toBe('offline')
      expect(first.card).toBeNull()
      expect(first.choices.map((c) => c.cardId)).toEqual(expect.arrayContaining([CUSTOM_A, CUSTOM_B]))
      const pickedA = pick(first, CUSTOM_A)
      expect(pickedA.decision, JSON.stringify(reasons(pickedA))).toMatchObject({
        outcome: 'WARN',
        managerPinRequired: true
      })
      const queuedA = await commit(first, CUSTOM_A, approve(first))
      expect(queuedA.sync).toBe('queued')

      const second = await scan(OFFLINE)
      expect(second.decision?.outcome).not.toBe('DUPLICATE')
      // Card A's coupon is taken: picking A again is the duplicate, picking B is the other coupon.
      expect(pick(second, CUSTOM_A).decision?.outcome).toBe('DUPLICATE')
      expect(pick(second, CUSTOM_B).decision?.outcome).toBe('WARN')
      const queuedB = await commit(second, CUSTOM_B, approve(second))
      expect(queuedB.sync).toBe('queued')
      expect(queuedB.redemption.cardId).toBe(CUSTOM_B)

      const third = await scan(OFFLINE)
      expect(pick(third, CUSTOM_A).decision?.outcome).toBe('DUPLICATE')
      expect(pick(third, CUSTOM_B).decision?.outcome).toBe('DUPLICATE')
      await expect(commit(third, CUSTOM_B)).rejects.toMatchObject({ code: 'NOT_REDEEMABLE' })
      expect(sandbox.consumeCount(OFFLINE)).toBe(0)

      sandbox.heal()
      t.station.services.sync.notify()
      const status = (id: string) => t.station.services.ledger.get(id)?.status
      await until(
        () => status(queuedA.redemption.id) === 'synced' && status(queuedB.redemption.id) === 'synced',
        'both offline redemptions to sync'
      )
      expect(sandbox.consumeCount(OFFLINE, CUSTOM_A)).toBe(1)
      expect(sandbox.consumeCount(OFFLINE, CUSTOM_B)).toBe(1)
      for (const r of [queuedA, queuedB]) expect(consumeAttempts(r.redemption.id)).toBe(1)
      // The pre-check of an offline custom-code item asks with its card first: only (card, code) names it.
      expect(firstCheckAskedCard(queuedA.redemption.id)).toBe(CUSTOM_A)
      expect(firstCheckAskedCard(queuedB.redemption.id)).toBe(CUSTOM_B)
    } finally {
      sandbox.heal()
    }
  })
})

describe('a custom code whose card definition is not at hand', () => {
  it('offline, a rule names the card: the redeemed (card, code) is still DUPLICATE without the definition', async () => {
    const view = await scan(RULED, CUSTOM_A)
    expect((await commit(view)).sync).toBe('confirmed')
    writeSetting(t.station.db, 'scan.customCodeRules', [{ prefix: RULED, cardId: CUSTOM_A }])
    // As if the card cache had never been filled: the look-up knows the card only from the rule.
    t.station.db.prepare('DELETE FROM card_definitions WHERE card_id = ?').run(CUSTOM_A)
    sandbox.startPartition('refuse')
    try {
      const again = await scan(RULED)
      expect(again.connectivity).toBe('offline')
      expect(again.card).toBeNull()
      expect(again.decision?.outcome).toBe('DUPLICATE')
    } finally {
      sandbox.heal()
      writeSetting(t.station.db, 'scan.customCodeRules', [])
      expect((await t.station.services.cards.refresh()).ok).toBe(true)
    }
  })
})

describe('a plain code stays unique on its own', () => {
  it('is DUPLICATE after an online redemption, offline too, whatever card is picked', async () => {
    const view = await scan(PLAIN_ONLINE)
    expect(view.card).toMatchObject({ cardId: PLAIN, useCustomCode: false })
    expect((await commit(view)).sync).toBe('confirmed')
    expect((await scan(PLAIN_ONLINE)).decision?.outcome).toBe('DUPLICATE')
    sandbox.startPartition('refuse')
    try {
      const offline = await scan(PLAIN_ONLINE)
      expect(offline.connectivity).toBe('offline')
      expect(offline.decision?.outcome).toBe('DUPLICATE')
    } finally {
      sandbox.heal()
    }
    expect(sandbox.consumeCount(PLAIN_ONLINE)).toBe(1)
  })

  it('an offline plain redemption is caught again before any pick, and after picking a custom card', async () => {
    sandbox.startPartition('refuse')
    let id: string
    try {
      const first = await scan(PLAIN_OFFLINE)
      expect(first.card).toBeNull()
      expect(pick(first, PLAIN).decision?.outcome).toBe('WARN')
      id = (await commit(first, PLAIN, approve(first))).redemption.id

      const again = await scan(PLAIN_OFFLINE)
      expect(again.decision?.outcome).toBe('DUPLICATE')
      for (const card of [CUSTOM_A, CUSTOM_B, PLAIN]) {
        expect(pick(again, card).decision?.outcome, card).toBe('DUPLICATE')
      }
      await expect(commit(again, CUSTOM_A)).rejects.toMatchObject({ code: 'NOT_REDEEMABLE' })
    } finally {
      sandbox.heal()
    }
    t.station.services.sync.notify()
    await until(() => t.station.services.ledger.get(id)?.status === 'synced', 'the plain offline redemption')
    expect(sandbox.consumeCount(PLAIN_OFFLINE)).toBe(1)
    const rows = t.station.db
      .prepare('SELECT code, custom_code, code_key FROM redemptions WHERE code IN (?, ?) ORDER BY code_key')
      .all(PLAIN_OFFLINE, OFFLINE)
    expect(rows).toEqual([
      { code: PLAIN_OFFLINE, custom_code: 0, code_key: PLAIN_OFFLINE },
      { code: OFFLINE, custom_code: 1, code_key: `${CUSTOM_A}\u001f${OFFLINE}` },
      { code: OFFLINE, custom_code: 1, code_key: `${CUSTOM_B}\u001f${OFFLINE}` }
    ])
  })
})
