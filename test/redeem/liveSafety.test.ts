/**
 * Counter safety in LIVE mode, over real HTTP against the sandbox server (which, like WeChat's documentation,
 * lets an early consume through): no consume outside a code's validity, no unknown code taken on a cashier's
 * word, 40056 and a one-off -1 on the look-up, and a consume that may not have been ours. See
 * docs/offline-policy.md and docs/reliability.md.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { TRAINING_CARD_IDS, TRAINING_CUSTOM_CODE_PREFIX } from '../../src/main/upstream/sandbox'
import { AppFailure } from '../../src/shared/result'
import {
  liveStation,
  setCustomCodeRules,
  setOfflinePolicy,
  until,
  type LiveTestStation
} from '../support/liveStation'

const DAY_S = 86_400
const nowS = (): number => Math.floor(Date.now() / 1000)

let t: LiveTestStation
let next = 0
/** A claimed code of the ¥10 cash card (valid for months) with its OWN window: the card alone cannot tell. */
function addCode(window: { begin: number; end: number }, cardId: string = TRAINING_CARD_IDS.cash10): string {
  const code = `3100${String(Date.now() % 1_000_000).padStart(6, '0')}${String(next++).padStart(2, '0')}`
  t.sandbox.model.addCode({
    code,
    cardId,
    openid: `oLIVE${String(next).padStart(4, '0')}`.padEnd(28, 'x'),
    status: 'NORMAL',
    beginTime: window.begin,
    endTime: window.end
  })
  return code
}
const scan = (raw: string, device = 'manual') =>
  t.station.services.redemptions.lookup({ source: 'manual', device, raw }, t.cashier, t.session.id)
const commit = (lookupId: string, extra: { pickedCardId?: string; approvalToken?: string } = {}) =>
  t.station.services.redemptions.commit(
    { lookupId, otherDiscount: false, confirmWarnings: true, ...extra },
    t.cashier,
    t.session.id
  )
const reasons = (view: { decision: { reasons: Array<{ code: string }> } | null }): string[] =>
  view.decision?.reasons.map((r) => r.code) ?? []
const failureOf = async (work: Promise<unknown>): Promise<string> => {
  try {
    await work
  } catch (error) {
    expect(error).toBeInstanceOf(AppFailure)
    return (error as AppFailure).code
  }
  throw new Error('expected the call to fail')
}
/** What the sync worker asked WeChat for this redemption, in order. */
const storyOf = (id: string): Array<{ kind: string; outcome: string | null; errcode: number | null }> =>
  t.station.db
    .prepare(
      `SELECT a.kind, a.outcome, a.errcode FROM sync_attempts a JOIN outbox o ON o.seq = a.outbox_seq
       WHERE o.redemption_id = ? ORDER BY a.id`
    )
    .all(id) as Array<{ kind: string; outcome: string | null; errcode: number | null }>

beforeAll(async () => {
  t = await liveStation()
  expect((await t.station.services.cards.refresh()).ok).toBe(true)
})
afterAll(async () => {
  await t.close()
})
beforeEach(() => {
  t.sandbox.heal()
  t.sandbox.clearFaults()
  t.clock.lagMs = 0
})

describe('live mode starts from the safe offline policy', () => {
  it('unknown cards are refused offline until a manager decides otherwise', () => {
    expect(t.station.mode).toBe('live')
    expect(t.station.services.settings.policy().offline.allowUnknownCards).toBe(false)
  })
})

describe('defect 1: no consume outside the code’s own validity window', () => {
  it('a code refused online as not yet valid is refused offline too (its stored begin time holds)', async () => {
    const code = addCode({ begin: nowS() + DAY_S, end: nowS() + 30 * DAY_S })
    const online = await scan(code, 'online-scan')
    expect(online.connectivity).toBe('online')
    expect(online.decision?.outcome).toBe('DENY')
    expect(reasons(online)).toContain('NOT_YET_VALID')

    t.sandbox.startPartition('refuse')
    const offline = await scan(code)
    expect(offline.connectivity).toBe('offline')
    expect(offline.cardSource).toBe('cache')
    expect(offline.decision?.outcome).toBe('DENY')
    expect(reasons(offline)).toContain('NOT_YET_VALID')
    expect(await failureOf(commit(offline.lookupId))).toBe('NOT_REDEEMABLE')
    t.sandbox.heal()
    expect(t.station.services.ledger.findLive(code)).toBeNull()
    expect(t.sandbox.consumeCount(code)).toBe(0)
  })

  it('a code seen past its end online is refused offline as expired', async () => {
    const code = addCode({ begin: nowS() - 30 * DAY_S, end: nowS() - DAY_S })
    expect(reasons(await scan(code, 'online-scan'))).toContain('EXPIRED')
    t.sandbox.startPartition('refuse')
    const offline = await scan(code)
    expect(offline).toMatchObject({ connectivity: 'offline', cardSource: 'cache' })
    expect(offline.decision?.outcome).toBe('DENY')
    expect(reasons(offline)).toContain('EXPIRED')
    t.sandbox.heal()
    expect(t.sandbox.consumeCount(code)).toBe(0)
  })

  it('an early code taken offline never reaches a consume: the worker rejects it with its reason', async () => {
    setOfflinePolicy(t, { allowUnknownCards: true })
    try {
      // Never seen online: the station cannot know its window offline, so a manager lets a picked card through.
      const code = addCode({ begin: nowS() + DAY_S, end: nowS() + 30 * DAY_S })
      t.sandbox.startPartition('refuse')
      const view = await scan(code)
      expect(view.connectivity).toBe('offline')
      const token = t.station.services.approvals.grant(t.manager, 'redeem', view.lookupId)
      const result = await commit(view.lookupId, {
        pickedCardId: TRAINING_CARD_IDS.cash10,
        approvalToken: token
      })
      expect(result.redemption.status).toBe('pending')

      t.sandbox.heal()
      t.station.services.sync.notify()
      const id = result.redemption.id
      await until(() => t.station.services.ledger.get(id)?.status !== 'pending', 'the sync')
      expect(t.station.services.ledger.get(id)).toMatchObject({
        status: 'rejected',
        status_reason: 'not_yet_valid'
      })
      // WeChat would have taken the early consume (nothing documents a refusal): it was never sent.
      expect(t.sandbox.consumeCount(code)).toBe(0)
      expect(storyOf(id).map((a) => a.kind)).toEqual(['status_check'])
      const audit = t.station.db
        .prepare(`SELECT action, detail_json FROM audit_log WHERE subject = ? ORDER BY id DESC LIMIT 1`)
        .get(id) as { action: string; detail_json: string }
      expect(audit.action).toBe('redemption.rejected')
      const detail = JSON.parse(audit.detail_json) as Record<string, unknown>
      expect(detail).toMatchObject({ reason: 'not_yet_valid' })
      expect(detail.validFrom as number).toBeGreaterThan(detail.redeemedAt as number)
    } finally {
      setOfflinePolicy(t, { allowUnknownCards: false })
    }
  })
})

describe('defect 2: live, offline, an unknown code is never taken on the cashier’s word', () => {
  it('with the default policy a random code is refused outright: no choice, no redemption', async () => {
    t.sandbox.startPartition('refuse')
    const view = await scan('482913650172')
    expect(view).toMatchObject({ connectivity: 'offline', card: null, choices: [] })
    expect(view.decision?.outcome).toBe('DENY')
    expect(reasons(view)).toContain('OFFLINE_UNKNOWN_CARD')
    expect(await failureOf(commit(view.lookupId))).toBe('NOT_REDEEMABLE')
    const approved = t.station.services.approvals.grant(t.manager, 'redeem', view.lookupId)
    expect(await failureOf(commit(view.lookupId, { approvalToken: approved }))).toBe('NOT_REDEEMABLE')
    expect(t.station.services.ledger.findLive('482913650172')).toBeNull()
  })

  it('with unknown cards allowed: no card means no redemption, a picked card needs the manager and shows its value', async () => {
    setOfflinePolicy(t, { allowUnknownCards: true })
    try {
      t.sandbox.startPartition('refuse')
      const view = await scan('482913650173')
      expect(view.card).toBeNull()
      expect(view.choices.length).toBeGreaterThan(3)
      expect(view.decision?.outcome).toBe('DENY')
      expect(reasons(view)).toContain('OFFLINE_PICK_CARD')
      // "Enter, Enter" without a card, even with a manager's PIN: refused.
      expect(await failureOf(commit(view.lookupId))).toBe('NOT_REDEEMABLE')
      const token = t.station.services.approvals.grant(t.manager, 'redeem', view.lookupId)
      expect(await failureOf(commit(view.lookupId, { approvalToken: token }))).toBe('NOT_REDEEMABLE')

      const picked = t.station.services.redemptions.evaluate(
        { lookupId: view.lookupId, otherDiscount: false, pickedCardId: TRAINING_CARD_IDS.cash10 },
        t.cashier,
        t.session.id
      )
      expect(picked.decision).toMatchObject({ outcome: 'WARN', managerPinRequired: true, couponValue: 1000 })
      expect(reasons(picked)).toContain('OFFLINE_PICKED_CARD')
      expect(await failureOf(commit(view.lookupId, { pickedCardId: TRAINING_CARD_IDS.cash10 }))).toBe(
        'MANAGER_PIN_REQUIRED'
      )
      const approval = t.station.services.approvals.grant(t.manager, 'redeem', view.lookupId)
      const result = await commit(view.lookupId, {
        pickedCardId: TRAINING_CARD_IDS.cash10,
        approvalToken: approval
      })
      expect(result.redemption).toMatchObject({ status: 'pending', online: false })
      expect(t.station.services.ledger.get(result.redemption.id)).toMatchObject({
        picked_card_id: TRAINING_CARD_IDS.cash10,
        face_value_fen: 1000,
        approved_by: t.manager.name
      })
      // Not a real code: the worker finds out with code/get and rejects it, without any consume.
      t.sandbox.heal()
      t.station.services.sync.notify()
      const id = result.redemption.id
      await until(() => t.station.services.ledger.get(id)?.status !== 'pending', 'the sync')
      expect(t.station.services.ledger.get(id)).toMatchObject({
        status: 'rejected',
        status_reason: 'wechat:40056'
      })
      expect(storyOf(id).map((a) => a.kind)).not.toContain('consume')
    } finally {
      setOfflinePolicy(t, { allowUnknownCards: false })
    }
  })

  it('with no card stored on the station, an unknown code is refused with its own clear reason', async () => {
    const bare = await liveStation({ background: false })
    try {
      const settings = bare.station.services.settings
      settings.setPolicy({
        ...settings.policy(),
        offline: { ...settings.policy().offline, allowUnknownCards: true }
      })
      bare.sandbox.startPartition('refuse')
      const view = await bare.station.services.redemptions.lookup(
        { source: 'manual', device: 'manual', raw: '482913650174' },
        bare.cashier,
        bare.session.id
      )
      expect(view).toMatchObject({ connectivity: 'offline', card: null, choices: [] })
      expect(view.decision?.outcome).toBe('DENY')
      expect(reasons(view)).toEqual(['OFFLINE_NO_CARDS'])
    } finally {
      await bare.close()
    }
  })
})

describe('defect 7: what the look-up says about an unknown code, and one hiccup', () => {
  it('40056 offers the custom-code cards only while there are unmapped ones, and says the code may just be invalid', async () => {
    const withCustom = await scan('482913650175')
    expect(withCustom.connectivity).toBe('online')
    expect(reasons(withCustom)).toEqual(['CUSTOM_CODE_CARD_NEEDED'])
    expect(withCustom.choices.map((c) => c.cardId)).toEqual([TRAINING_CARD_IDS.custom])

    // Once every custom-code card has its rule, a plain unknown code is simply not valid.
    setCustomCodeRules(t, [{ prefix: TRAINING_CUSTOM_CODE_PREFIX, cardId: TRAINING_CARD_IDS.custom }])
    try {
      const plain = await scan('482913650176')
      expect(plain.choices).toEqual([])
      expect(plain.decision?.outcome).toBe('DENY')
      expect(reasons(plain)).toEqual(['UNKNOWN_CODE'])
    } finally {
      setCustomCodeRules(t, [])
    }
  })

  it('a single -1 on the look-up’s code/get is asked again: the scan stays online', async () => {
    const code = addCode({ begin: nowS() - DAY_S, end: nowS() + 30 * DAY_S })
    t.sandbox.setFaults({ rules: [{ kind: 'systemBusy', paths: ['/card/code/get'], times: 1 }] })
    const view = await scan(code)
    expect(view.connectivity).toBe('online')
    expect(view.decision?.outcome).toBe('OK')
    expect(t.sandbox.stats().faults).toMatchObject({ systemBusy: 1 })
  })

  it('a single truncated reply is asked again too', async () => {
    const code = addCode({ begin: nowS() - DAY_S, end: nowS() + 30 * DAY_S })
    t.sandbox.setFaults({
      rules: [{ kind: 'malformed', form: 'truncated', paths: ['/card/code/get'], times: 1 }]
    })
    const view = await scan(code)
    expect(view.connectivity).toBe('online')
    expect(view.decision?.outcome).toBe('OK')
  })
})

describe('defect 8: used elsewhere between our look-up and our consume (which would answer -1)', () => {
  it('is never recorded synced: a look-up that is not fresh is asked again, and the use elsewhere is a conflict before we consume', async () => {
    const code = addCode({ begin: nowS() - DAY_S, end: nowS() + 30 * DAY_S })
    // The cashier looked it up a minute ago (the bill took a while) …
    t.clock.lagMs = 60_000
    const view = await scan(code)
    t.clock.lagMs = 0
    expect(view.decision?.outcome).toBe('OK')
    // … meanwhile the customer used it elsewhere (e.g. the merchant helper); our consume would get -1.
    t.sandbox.model.applyConsume(t.sandbox.model.codes.get(code)!)
    t.sandbox.setFaults({ rules: [{ kind: 'systemBusy', paths: ['/card/code/consume'], times: 1 }] })
    const result = await commit(view.lookupId)
    const id = result.redemption.id
    expect(result.sync).toBe('conflict')
    expect(t.station.services.ledger.get(id)).toMatchObject({
      status: 'conflict',
      status_reason: 'used_elsewhere'
    })
    // Upstream: the one consume from elsewhere; ours was never sent.
    expect(t.sandbox.consumeCount(code)).toBe(1)
    expect(storyOf(id)).toEqual([{ kind: 'status_check', outcome: 'status', errcode: 0 }])
  })

  it('our own consume whose answer was lost, sent right after the look-up, is ours: synced', async () => {
    const code = addCode({ begin: nowS() - DAY_S, end: nowS() + 30 * DAY_S })
    const view = await scan(code)
    t.sandbox.setFaults({ rules: [{ kind: 'dropReply', paths: ['/card/code/consume'], times: 1 }] })
    const result = await commit(view.lookupId)
    const id = result.redemption.id
    t.station.services.sync.notify()
    await until(() => t.station.services.ledger.get(id)?.status !== 'pending', 'the sync')
    expect(t.station.services.ledger.get(id)?.status).toBe('synced')
    expect(t.sandbox.consumeCount(code)).toBe(1)
  })
})
