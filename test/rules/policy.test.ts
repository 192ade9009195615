import { describe, it, expect } from 'vitest'
import { DEFAULT_POLICY, rulesPolicySchema } from '../../src/shared/rules/policy'

const messages = (input: unknown): string[] => {
  const r = rulesPolicySchema.safeParse(input)
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
}

describe('rulesPolicySchema', () => {
  it('accepts the defaults, which are the spec values', () => {
    expect(rulesPolicySchema.parse(DEFAULT_POLICY)).toEqual({
      highValueFen: 20000,
      maxDiscountShareOfBill: 50,
      velocityMaxPerDay: 3,
      offline: {
        maxFaceValueFen: 5000,
        maxPerBusinessDay: 200,
        allowUnknownCards: false,
        managerOverride: true
      }
    })
  })

  it.each([
    [{ highValueFen: 0 }, 'highValueFen: highValueFen must be 1 fen or more'],
    [{ highValueFen: 199.5 }, 'highValueFen: highValueFen must be a whole number of fen (分)'],
    [{ highValueFen: '20000' }, 'highValueFen: highValueFen must be an amount in fen (分)'],
    [{ maxDiscountShareOfBill: 101 }, 'maxDiscountShareOfBill: maxDiscountShareOfBill must be at most 100'],
    [{ velocityMaxPerDay: -1 }, 'velocityMaxPerDay: velocityMaxPerDay must be 0 or more'],
    [
      { offline: { ...DEFAULT_POLICY.offline, maxFaceValueFen: -5 } },
      'offline.maxFaceValueFen: offline.maxFaceValueFen must be 0 fen or more'
    ],
    [
      { offline: { ...DEFAULT_POLICY.offline, allowUnknownCards: 'yes' } },
      'offline.allowUnknownCards: offline.allowUnknownCards must be true or false'
    ]
  ])('rejects %j with a clear message', (patch, message) => {
    expect(messages({ ...DEFAULT_POLICY, ...patch })).toEqual([message])
  })

  it('rejects unknown keys and missing ones', () => {
    expect(messages({ ...DEFAULT_POLICY, extra: 1 })).toHaveLength(1)
    const { velocityMaxPerDay: _, ...missing } = DEFAULT_POLICY
    expect(messages(missing)).toEqual(['velocityMaxPerDay: velocityMaxPerDay must be a number'])
  })
})
