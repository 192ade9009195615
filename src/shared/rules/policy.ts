/**
 * The manager's risk settings for decide(). Settings IPC validates with rulesPolicySchema, so every message
 * here is written for the person filling in the form. Defaults are the safe ones from docs/product-rules.md §3 and §5.
 */
import { z } from 'zod'

const wholeFen = (field: string, min: number) =>
  z
    .number({ error: `${field} must be an amount in fen (分)` })
    .int({ error: `${field} must be a whole number of fen (分)` })
    .min(min, { error: `${field} must be ${min} fen or more` })
    .max(1_000_000_000, { error: `${field} must be at most 1,000,000,000 fen (¥10,000,000)` })

const count = (field: string, min: number, max: number) =>
  z
    .number({ error: `${field} must be a number` })
    .int({ error: `${field} must be a whole number` })
    .min(min, { error: `${field} must be ${min} or more` })
    .max(max, { error: `${field} must be at most ${max}` })

const flag = (field: string) => z.boolean({ error: `${field} must be true or false` })

export const offlinePolicySchema = z
  .object({
    /** Largest coupon value accepted per offline redemption without a manager PIN; 0 = every money coupon. */
    maxFaceValueFen: wholeFen('offline.maxFaceValueFen', 0),
    /** Offline redemptions per business day before the limit applies; 0 = none without the limit. */
    maxPerBusinessDay: count('offline.maxPerBusinessDay', 0, 100_000),
    /** Whether a code whose card is not cached may be taken offline (with the cashier's confirmation). */
    allowUnknownCards: flag('offline.allowUnknownCards'),
    /** true: over a limit a manager PIN lets it through (WARN); false: over a limit is refused (DENY). */
    managerOverride: flag('offline.managerOverride')
  })
  .strict()

export const rulesPolicySchema = z
  .object({
    /** Coupons worth this much or more need a manager PIN. */
    highValueFen: wholeFen('highValueFen', 1),
    /** Warn when the discount is more than this percent of the bill (compliance: ≤ 50%). */
    maxDiscountShareOfBill: count('maxDiscountShareOfBill', 1, 100),
    /** Warn when the same customer has already redeemed this many coupons today; 0 turns the check off. */
    velocityMaxPerDay: count('velocityMaxPerDay', 0, 1000),
    offline: offlinePolicySchema
  })
  .strict()

export type RulesPolicy = z.infer<typeof rulesPolicySchema>
export type OfflinePolicy = z.infer<typeof offlinePolicySchema>

export const DEFAULT_POLICY: RulesPolicy = Object.freeze({
  highValueFen: 20_000,
  maxDiscountShareOfBill: 50,
  // Three coupons a day covers a family paying separately; a fourth from one openid looks like farming.
  velocityMaxPerDay: 3,
  offline: Object.freeze({
    maxFaceValueFen: 5_000,
    maxPerBusinessDay: 200,
    allowUnknownCards: false,
    managerOverride: true
  })
})
