/** The training seed: every scenario is present and behaves upstream the way its row says. */
import fc from 'fast-check'
import { DateTime } from 'luxon'
import { beforeEach, describe, expect, it } from 'vitest'
import {
  createTrainingSandbox,
  SandboxNetworkError,
  TRAINING_APP_ID,
  TRAINING_APP_SECRET,
  TRAINING_CARD_IDS,
  TRAINING_CUSTOM_CODE_PREFIX,
  TRAINING_NETWORK_DOWN_COOLDOWN_MS,
  TRAINING_NETWORK_DOWN_MS,
  TRAINING_STORE_LOCATION_ID,
  trainingSeed,
  type Sandbox,
  type TrainingScenario,
  type WxCard
} from '../../src/main/upstream/sandbox'
import { T0, type WxJson } from './helpers'
import { createTranslator } from '../../src/shared/i18n'

const seed = trainingSeed(T0)
const byKey = new Map(seed.scenarios.map((s) => [s.key, s]))
const scenario = (key: string): TrainingScenario => {
  const found = byKey.get(key)
  if (!found) throw new Error(`no scenario ${key}`)
  return found
}
const cardOf = (s: { cards: WxCard[] }, id: string | undefined): Record<string, unknown> => {
  const card = s.cards.find((c) => JSON.stringify(c).includes(`"id":"${id}"`))
  if (!card) throw new Error(`no card ${id}`)
  return card[card.card_type.toLowerCase()] as Record<string, unknown>
}
const baseInfo = (s: { cards: WxCard[] }, id: string | undefined) =>
  cardOf(s, id).base_info as Record<string, unknown>

const clock = { now: T0 }
let sandbox: Sandbox
let token: string
const post = async (path: string, body: object): Promise<WxJson> => {
  const reply = await sandbox.handle({ method: 'POST', path, query: { access_token: token }, body })
  if (!('body' in reply)) throw new Error('not JSON')
  return reply.body as WxJson
}
const getCode = (s: TrainingScenario, checkConsume = false) =>
  post('/card/code/get', {
    code: s.code,
    check_consume: checkConsume,
    ...(s.cardId ? { card_id: s.cardId } : {})
  })

beforeEach(async () => {
  clock.now = T0
  sandbox = createTrainingSandbox({ now: () => clock.now })
  const reply = await sandbox.handle({
    method: 'POST',
    path: '/cgi-bin/stable_token',
    body: { grant_type: 'client_credential', appid: TRAINING_APP_ID, secret: TRAINING_APP_SECRET }
  })
  token = 'body' in reply ? String(reply.body.access_token) : ''
})

describe('scenario list', () => {
  it('covers docs/product-rules.md §9 and the extra cases, with unique 12-digit codes', () => {
    const required = [
      'CASH_NO_THRESHOLD',
      'CASH_MIN_SPEND',
      'DISCOUNT_NEEDS_AMOUNT',
      'GIFT',
      'GROUPON',
      'GENERAL_COUPON',
      'ALREADY_CONSUMED',
      'EXPIRED',
      'NOT_YET_VALID',
      'OUTSIDE_HOURS',
      'WRONG_STORE',
      'BELOW_MIN_SPEND',
      'BEING_GIFTED',
      'HIGH_VALUE',
      'MEMBER_CARD',
      'CUSTOM_CODE',
      'UNAVAILABLE',
      'NETWORK_DOWN'
    ]
    for (const key of required) expect(byKey.has(key), key).toBe(true)
    expect(byKey.size).toBe(seed.scenarios.length)
    const codes = seed.scenarios.map((s) => s.code)
    expect(new Set(codes).size).toBe(codes.length)
    for (const code of codes) expect(code).toMatch(/^\d{12}$/)
    expect(codes.filter((c) => c.startsWith('0')).length).toBeGreaterThanOrEqual(3)
    for (const s of seed.scenarios) {
      for (const lang of ['zh-CN', 'en'] as const)
        for (const part of ['title', 'description'])
          expect(createTranslator(lang)(`trainingScenario.${s.key}.${part}`, s.params)).not.toMatch(
            /trainingScenario|\{/
          )
      expect(['OK', 'NEEDS_AMOUNT', 'WARN', 'DENY', 'DUPLICATE']).toContain(s.expected)
    }
  })

  it('is a pure function of now and the store', () => {
    expect(trainingSeed(T0)).toEqual(seed)
    expect(seed.storeLocationId).toBe(TRAINING_STORE_LOCATION_ID)
  })
})

describe('scenarios behave upstream as described', () => {
  it('OK and NEEDS_AMOUNT codes are NORMAL, consumable now, and consume once', async () => {
    for (const s of seed.scenarios.filter((x) => x.expected === 'OK' || x.expected === 'NEEDS_AMOUNT')) {
      expect(await getCode(s, true), s.key).toMatchObject({ errcode: 0, can_consume: true })
      expect((await post('/card/code/consume', { code: s.code, card_id: s.cardId })).errcode, s.key).toBe(0)
    }
  })

  it('status scenarios report their upstream status', async () => {
    const statuses: Array<[string, string]> = [
      ['ALREADY_CONSUMED', 'CONSUMED'],
      ['EXPIRED', 'EXPIRE'],
      ['BEING_GIFTED', 'GIFTING'],
      ['GIFT_TIMEOUT', 'GIFT_TIMEOUT'],
      ['DELETED_BY_USER', 'DELETE'],
      ['UNAVAILABLE', 'UNAVAILABLE']
    ]
    for (const [key, status] of statuses) {
      expect(await getCode(scenario(key)), key).toMatchObject({ errcode: 0, user_card_status: status })
    }
    expect(scenario('ALREADY_CONSUMED').expected).toBe('DUPLICATE')
    expect((await getCode(scenario('UNKNOWN_CODE'))).errcode).toBe(40056)
    expect(scenario('UNKNOWN_CODE').cardId).toBeUndefined()
  })

  it('the consumed code has yesterday in its history (for the day view)', () => {
    expect(sandbox.consumeCount(scenario('ALREADY_CONSUMED').code)).toBe(1)
    expect(sandbox.model.consumeLog()[0]?.at).toBe(T0 - 86_400_000)
  })

  it('not yet valid starts after now; the expired card ended before today', async () => {
    const notYet = await getCode(scenario('NOT_YET_VALID'))
    expect(notYet).toMatchObject({ user_card_status: 'NORMAL', can_consume: true })
    expect(notYet.card?.begin_time).toBeGreaterThan(T0 / 1000)
    const expired = baseInfo(seed, scenario('EXPIRED').cardId).date_info as { end_timestamp: number }
    expect(expired.end_timestamp).toBeLessThan(T0 / 1000)
  })

  it('money scenarios carry the documented amounts in fen', () => {
    expect(cardOf(seed, scenario('CASH_MIN_SPEND').cardId)).toMatchObject({
      least_cost: 10000,
      reduce_cost: 1000
    })
    expect(cardOf(seed, scenario('CASH_NO_THRESHOLD').cardId)).toMatchObject({
      least_cost: 0,
      reduce_cost: 1000
    })
    expect(cardOf(seed, scenario('DISCOUNT_NEEDS_AMOUNT').cardId)).toMatchObject({ discount: 30 })
    const below = scenario('BELOW_MIN_SPEND')
    expect(cardOf(seed, below.cardId).least_cost).toBeGreaterThan(below.followUp?.billFen ?? Infinity)
    expect(below.followUp?.expected).toBe('DENY')
    expect(cardOf(seed, scenario('HIGH_VALUE').cardId).reduce_cost).toBeGreaterThanOrEqual(20000)
    const noStacking = cardOf(seed, scenario('NO_STACKING').cardId).advanced_info as {
      use_condition: { can_use_with_other_discount: boolean }
    }
    expect(noStacking.use_condition.can_use_with_other_discount).toBe(false)
  })

  it('the member card is shown but consume answers 40071', async () => {
    const member = scenario('MEMBER_CARD')
    expect(member.cardId).toBe(TRAINING_CARD_IDS.member)
    expect((await post('/card/code/consume', { code: member.code })).errcode).toBe(40071)
  })

  it('the custom code carries the prefix and needs its card_id', async () => {
    const custom = scenario('CUSTOM_CODE')
    expect(custom.code.startsWith(TRAINING_CUSTOM_CODE_PREFIX)).toBe(true)
    expect(baseInfo(seed, custom.cardId).use_custom_code).toBe(true)
    expect((await post('/card/code/get', { code: custom.code })).errcode).toBe(40056)
  })

  it("outside hours: on the store's clock, in any store zone, the window stays ahead for hours and the sheet names it", () => {
    const zones = [
      'Asia/Shanghai',
      'UTC',
      'Pacific/Pago_Pago',
      'Asia/Kolkata',
      'America/St_Johns',
      'Pacific/Kiritimati'
    ]
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2030, 0, 1) }),
        fc.constantFrom(...zones),
        (now, zone) => {
          const s = trainingSeed(now, TRAINING_STORE_LOCATION_ID, zone)
          const row = s.scenarios.find((x) => x.key === 'OUTSIDE_HOURS')
          const limits = (
            cardOf(s, row?.cardId).advanced_info as {
              time_limit: Array<Record<string, number | string>>
            }
          ).time_limit
          expect(limits).toHaveLength(7)
          for (const l of limits) {
            const from = Number(l.begin_hour) * 60 + Number(l.begin_minute)
            const to = Number(l.end_hour) * 60 + Number(l.end_minute)
            expect(from).toBeLessThan(to)
            // Now and the next 4 hours, read on the store's clock, are all outside the window (5 h without a DST
            // change in between; St John's has one).
            for (let m = 0; m <= 4 * 60; m += 15) {
              const local = DateTime.fromMillis(now + m * 60_000, { zone })
              const minute = local.hour * 60 + local.minute
              expect(minute >= from && minute < to, `${zone} +${m} min`).toBe(false)
            }
            const label = `${String(l.begin_hour).padStart(2, '0')}:${String(l.begin_minute).padStart(2, '0')}–${String(l.end_hour).padStart(2, '0')}:${String(l.end_minute).padStart(2, '0')}`
            expect(s.hoursLabel).toBe(label)
            for (const lang of ['zh-CN', 'en'] as const)
              expect(
                createTranslator(lang)(`trainingScenario.${row?.key}.description`, row?.params)
              ).toContain(label)
          }
        }
      )
    )
  })

  it('wrong store: location_id_list never contains the station store; other cards do or use all stores', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 40 }), (store) => {
        const s = trainingSeed(T0, store)
        const wrong = baseInfo(s, s.scenarios.find((x) => x.key === 'WRONG_STORE')?.cardId)
        expect(wrong.use_all_locations).toBe(false)
        expect(wrong.location_id_list).not.toContain(store)
        const minSpend = baseInfo(s, TRAINING_CARD_IDS.cashMin100)
        expect(minSpend.location_id_list).toContain(store)
      })
    )
  })
})

describe('network down', () => {
  const isNetwork = async (work: Promise<unknown>): Promise<boolean> =>
    work.then(
      () => false,
      (e: unknown) => e instanceof SandboxNetworkError
    )

  it('its code/get cuts the sandbox off for a while, then quiets down so the offline redemption syncs', async () => {
    const down = scenario('NETWORK_DOWN')
    expect(await isNetwork(getCode(down))).toBe(true)
    expect(sandbox.isPartitioned()).toBe(true)
    expect(await isNetwork(getCode(scenario('GIFT')))).toBe(true)
    clock.now += TRAINING_NETWORK_DOWN_MS
    expect(sandbox.isPartitioned()).toBe(false)
    expect(await getCode(down)).toMatchObject({ errcode: 0, user_card_status: 'NORMAL' })
    expect((await post('/card/code/consume', { code: down.code })).errcode).toBe(0)
  })

  it('fires again after the cooldown while the code is still unused, and never once it is consumed', async () => {
    const down = scenario('NETWORK_DOWN')
    expect(await isNetwork(getCode(down))).toBe(true)
    clock.now += TRAINING_NETWORK_DOWN_MS + TRAINING_NETWORK_DOWN_COOLDOWN_MS
    token = await freshToken()
    expect(await isNetwork(getCode(down))).toBe(true)
    clock.now += TRAINING_NETWORK_DOWN_MS + TRAINING_NETWORK_DOWN_COOLDOWN_MS
    token = await freshToken()
    expect((await post('/card/code/consume', { code: down.code })).errcode).toBe(0)
    clock.now += TRAINING_NETWORK_DOWN_MS + TRAINING_NETWORK_DOWN_COOLDOWN_MS
    expect(await getCode(down)).toMatchObject({ user_card_status: 'CONSUMED' })
  })
})

async function freshToken(): Promise<string> {
  const reply = await sandbox.handle({
    method: 'POST',
    path: '/cgi-bin/stable_token',
    body: { grant_type: 'client_credential', appid: TRAINING_APP_ID, secret: TRAINING_APP_SECRET }
  })
  return 'body' in reply ? String(reply.body.access_token) : ''
}
