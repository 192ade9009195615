/**
 * Fault rules: which requests misbehave and how. Dice come from a seeded PRNG, so the same seed and the same
 * request order replay the same faults. Partitions are not rules (they are a period, not a per-request
 * roll); see Sandbox.startPartition.
 */
import { z } from 'zod'
import { Prng } from './prng'

const target = {
  /** Exact WeChat paths ('/card/code/consume'), or a prefix ending in '*' ('/card/code/*'). Omitted = all. */
  paths: z.array(z.string().min(1)).optional(),
  /** Chance per matching request, 0…1. Omitted = 1 (always). */
  probability: z.number().min(0).max(1).optional(),
  /** Stop after firing this many times. Omitted = no limit. */
  times: z.number().int().min(1).optional()
}

const latencyMs = z.union([
  z.number().int().min(0).max(600_000),
  z
    .strictObject({ min: z.number().int().min(0), max: z.number().int().max(600_000) })
    .refine((r) => r.min <= r.max, 'min must not exceed max')
])

export const faultRuleSchema = z.discriminatedUnion('kind', [
  /** Delay before the request is handled; it is still applied even if the client has given up meanwhile. */
  z.strictObject({ kind: z.literal('latency'), ms: latencyMs, ...target }),
  /** errcode -1 "system error"; not applied. */
  z.strictObject({ kind: z.literal('systemBusy'), ...target }),
  /** A gateway error page with HTTP 5xx; not applied. */
  z.strictObject({
    kind: z.literal('http5xx'),
    status: z.number().int().min(500).max(599).optional(),
    ...target
  }),
  /** Connection reset before the request is handled; not applied. */
  z.strictObject({ kind: z.literal('reset'), ...target }),
  /** The request IS applied, then the reply is lost (socket destroyed / timeout-like error in-process). */
  z.strictObject({ kind: z.literal('dropReply'), ...target }),
  /** errcode 45011 minute quota; not applied. */
  z.strictObject({ kind: z.literal('minuteQuota'), ...target }),
  /** errcode 45009 daily quota used up; not applied. */
  z.strictObject({ kind: z.literal('dailyQuota'), ...target }),
  /** The presented access token dies now (40001 revoked, or 42001 expired) and stays dead until refreshed. */
  z.strictObject({
    kind: z.literal('tokenInvalid'),
    errcode: z.union([z.literal(40001), z.literal(42001)]).optional(),
    ...target
  }),
  /** 'nonjson': an HTML page with HTTP 200, not applied. 'truncated': applied, JSON reply cut in half. */
  z.strictObject({
    kind: z.literal('malformed'),
    form: z.enum(['nonjson', 'truncated']).optional(),
    ...target
  })
])

export const faultConfigSchema = z.strictObject({
  seed: z.number().int().optional(),
  rules: z.array(faultRuleSchema).max(100)
})

export type FaultRule = z.infer<typeof faultRuleSchema>
export type FaultConfig = z.infer<typeof faultConfigSchema>
export type FaultKind = FaultRule['kind'] | 'partition'
export type FaultOutcome = Exclude<FaultRule, { kind: 'latency' }>

export interface FaultDecision {
  latencyMs: number
  /** The first non-latency rule that fired, in config order. */
  outcome: FaultOutcome | undefined
}

const matches = (paths: string[] | undefined, path: string): boolean =>
  !paths || paths.some((p) => (p.endsWith('*') ? path.startsWith(p.slice(0, -1)) : p === path))

export class FaultInjector {
  private rules: Array<{ rule: FaultRule; left: number }> = []
  private prng = new Prng(1)

  configure(config: FaultConfig): void {
    const parsed = faultConfigSchema.parse(config)
    this.rules = parsed.rules.map((rule) => ({ rule, left: rule.times ?? Number.POSITIVE_INFINITY }))
    this.prng = new Prng(parsed.seed ?? 1)
  }

  clear(): void {
    this.configure({ rules: [] })
  }

  decide(path: string, hasToken: boolean): FaultDecision {
    let latencyMs = 0
    let outcome: FaultOutcome | undefined
    for (const slot of this.rules) {
      const { rule } = slot
      if (slot.left <= 0 || !matches(rule.paths, path)) continue
      if (rule.kind === 'tokenInvalid' && !hasToken) continue
      if (rule.kind !== 'latency' && outcome) continue
      if (!this.roll(rule.probability ?? 1)) continue
      slot.left--
      if (rule.kind === 'latency') latencyMs += this.pickMs(rule.ms)
      else outcome = rule
    }
    return { latencyMs, outcome }
  }

  private roll(probability: number): boolean {
    if (probability >= 1) return true
    if (probability <= 0) return false
    return this.prng.next() < probability
  }

  private pickMs(ms: number | { min: number; max: number }): number {
    return typeof ms === 'number' ? ms : this.prng.int(ms.min, ms.max)
  }
}
