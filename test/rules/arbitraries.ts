/** fast-check arbitraries for decide(): any card definition, code status and context the types allow. */
import fc from 'fast-check'
import type {
  CardDefinition,
  CardValue,
  CodeGetError,
  CodeStatus,
  DateInfo,
  TimeLimit,
  UnreadableCard
} from '../../src/shared/coupon/types'
import { WEEKDAY_NAMES, weekdayOf } from '../../src/shared/coupon/cardParts'
import type { RulesPolicy } from '../../src/shared/rules/policy'
import type { DecideContext } from '../../src/shared/rules/types'

const fen = fc.integer({ min: 0, max: 10_000_000 })
const instant = fc.integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2035, 0, 1) })
const zone = fc.constantFrom(
  'Asia/Shanghai',
  'America/New_York',
  'Europe/Berlin',
  'Australia/Lord_Howe',
  'UTC'
)

const cardValue: fc.Arbitrary<CardValue> = fc.oneof(
  fc.record({ kind: fc.constant('cash' as const), leastCost: fen, reduceCost: fen }),
  fc.record({ kind: fc.constant('discount' as const), percentOff: fc.integer({ min: 0, max: 100 }) }),
  fc.record({
    kind: fc.constantFrom('gift' as const, 'groupon' as const, 'general' as const),
    detail: fc.string()
  }),
  fc.record(
    {
      kind: fc.constant('member' as const),
      prerogative: fc.string(),
      discountPercentOff: fc.integer({ min: 1, max: 100 })
    },
    { requiredKeys: ['kind', 'prerogative'] }
  ),
  fc.constant({ kind: 'unknown' as const })
)

const TYPE_OF: Record<CardValue['kind'], CardDefinition['cardType']> = {
  cash: 'CASH',
  discount: 'DISCOUNT',
  gift: 'GIFT',
  groupon: 'GROUPON',
  general: 'GENERAL_COUPON',
  member: 'MEMBER_CARD',
  unknown: 'UNKNOWN'
}

const dateInfo: fc.Arbitrary<DateInfo> = fc.oneof(
  fc
    .tuple(instant, instant)
    .map(([a, b]) => ({ kind: 'fixRange' as const, begin: Math.min(a, b), end: Math.max(a, b) })),
  fc.record(
    {
      kind: fc.constant('fixTerm' as const),
      fixedTerm: fc.option(fc.integer({ min: 1, max: 365 })),
      fixedBeginTerm: fc.integer({ min: 0, max: 30 }),
      endTimestamp: instant
    },
    { requiredKeys: ['kind', 'fixedTerm', 'fixedBeginTerm'] }
  ),
  fc.constant({ kind: 'permanent' as const }),
  fc.constant({ kind: 'unknown' as const })
)

const timeLimit: fc.Arbitrary<TimeLimit> = fc
  .record(
    {
      type: fc.option(fc.constantFrom(...WEEKDAY_NAMES, 'HOLIDAY')),
      beginHour: fc.integer({ min: 0, max: 24 }),
      beginMinute: fc.integer({ min: 0, max: 59 }),
      endHour: fc.integer({ min: 0, max: 24 }),
      endMinute: fc.integer({ min: 0, max: 59 })
    },
    { requiredKeys: ['type'] }
  )
  .map((t) => ({ ...t, weekday: weekdayOf(t.type) }))

export const cardDefinition: fc.Arbitrary<CardDefinition> = fc
  .record({
    cardId: fc.constantFrom('pA', 'pB'),
    value: cardValue,
    minSpend: fen,
    dateInfo,
    timeLimit: fc.array(timeLimit, { maxLength: 4 }),
    locationIdList: fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 3 }),
    useAllLocations: fc.boolean(),
    canUseWithOtherDiscount: fc.boolean(),
    status: fc.option(fc.constantFrom('CARD_STATUS_VERIFY_OK', 'CARD_STATUS_DELETE', 'CARD_STATUS_DISPATCH'))
  })
  .map((r) => {
    const cardType = TYPE_OF[r.value.kind]
    // parseCardGet keeps cash.leastCost equal to minSpend; the arbitrary keeps that invariant too.
    const value = r.value.kind === 'cash' ? { ...r.value, leastCost: r.minSpend } : r.value
    return {
      kind: 'card' as const,
      cardType,
      rawType: cardType === 'UNKNOWN' ? 'SCENIC_TICKET' : cardType,
      title: 't',
      subTitle: '',
      brandName: '',
      color: '#63B359',
      rawColor: null,
      notice: '',
      description: '',
      logoUrl: '',
      codeType: null,
      useCustomCode: false,
      ...r,
      value
    }
  })

export const anyCard: fc.Arbitrary<CardDefinition | UnreadableCard | null> = fc.oneof(
  { weight: 6, arbitrary: cardDefinition },
  { weight: 1, arbitrary: fc.constant({ kind: 'unreadable' as const, reason: 'broken' }) },
  { weight: 1, arbitrary: fc.constant(null) }
)

const codeStatus: fc.Arbitrary<CodeStatus> = fc.record(
  {
    kind: fc.constant('code' as const),
    cardId: fc.option(fc.constantFrom('pA', 'pB')),
    code: fc.constant('110201201245'),
    openid: fc.option(fc.constant('oX')),
    userCardStatus: fc.constantFrom(
      'NORMAL',
      'NORMAL',
      'NORMAL',
      'CONSUMED',
      'EXPIRE',
      'GIFTING',
      'GIFT_TIMEOUT',
      'DELETE',
      'UNAVAILABLE',
      'UNKNOWN'
    ),
    rawUserCardStatus: fc.option(fc.string()),
    canConsume: fc.option(fc.boolean()),
    beginTime: instant,
    endTime: instant,
    outerStr: fc.option(fc.string())
  },
  {
    requiredKeys: [
      'kind',
      'cardId',
      'code',
      'openid',
      'userCardStatus',
      'rawUserCardStatus',
      'canConsume',
      'outerStr'
    ]
  }
)

const codeError: fc.Arbitrary<CodeGetError> = fc.record({
  kind: fc.constant('error' as const),
  problem: fc.constantFrom(
    'unknownCode',
    'consumed',
    'invalidUserCardStatus',
    'memberCard',
    'upstreamError',
    'malformed'
  ),
  errcode: fc.option(fc.integer()),
  errmsg: fc.string()
})

export const anyCodeStatus: fc.Arbitrary<CodeStatus | CodeGetError | null> = fc.oneof(
  { weight: 5, arbitrary: codeStatus },
  { weight: 1, arbitrary: codeError },
  { weight: 2, arbitrary: fc.constant(null) }
)

const policy: fc.Arbitrary<RulesPolicy> = fc.record({
  highValueFen: fc.integer({ min: 1, max: 1_000_000 }),
  maxDiscountShareOfBill: fc.integer({ min: 1, max: 100 }),
  velocityMaxPerDay: fc.integer({ min: 0, max: 10 }),
  offline: fc.record({
    maxFaceValueFen: fc.integer({ min: 0, max: 1_000_000 }),
    maxPerBusinessDay: fc.integer({ min: 0, max: 500 }),
    allowUnknownCards: fc.boolean(),
    managerOverride: fc.boolean()
  })
})

/** A bill: usually a valid amount, sometimes absent, sometimes garbage typed by a person. */
export const bill: fc.Arbitrary<number | undefined> = fc.oneof(
  { weight: 6, arbitrary: fen },
  { weight: 2, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.oneof(fc.double(), fc.integer({ min: -1000, max: -1 })) }
)

export const context: fc.Arbitrary<DecideContext> = fc.record(
  {
    now: instant,
    timeZone: zone,
    cutoffMinutes: fc.integer({ min: 0, max: 720 }),
    storeLocationId: fc.integer({ min: 1, max: 5 }),
    billAmount: bill,
    otherDiscountApplied: fc.boolean(),
    role: fc.constantFrom('cashier' as const, 'manager' as const),
    connectivity: fc.constantFrom('online' as const, 'offline' as const),
    managerApproved: fc.boolean(),
    local: fc.record(
      {
        originalRedemption: fc.record({
          at: instant,
          station: fc.string(),
          cashier: fc.string(),
          synced: fc.boolean(),
          source: fc.constantFrom('ledger' as const, 'outbox' as const)
        }),
        customerRedemptionsToday: fc.nat({ max: 20 }),
        offlineRedemptionsToday: fc.nat({ max: 600 })
      },
      { requiredKeys: ['customerRedemptionsToday', 'offlineRedemptionsToday'] }
    ),
    policy
  },
  {
    requiredKeys: [
      'now',
      'timeZone',
      'cutoffMinutes',
      'otherDiscountApplied',
      'role',
      'connectivity',
      'local',
      'policy'
    ]
  }
)
