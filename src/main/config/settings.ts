/**
 * Typed access to the station's settings table. Every value is validated when read (a
 * damaged or outdated value falls back to the safe default) and when written.
 */
import { z } from 'zod'
import { DEFAULT_POLICY, rulesPolicySchema, type RulesPolicy } from '../../shared/rules'
import { DEFAULT_NORMALIZER_CONFIG, normalizerConfigSchema, type NormalizerConfig } from '../../shared/scan'
import type { StationMode } from '../../shared/ipc/types'
import type { Db } from '../db/open'
import { readSetting, settingsGeneration, writeSetting } from '../db/settings'
import type { DevicesConfig } from '../../shared/devices'
import type { Actor } from '../audit/actor'
import { appendAudit } from '../audit/audit'
import { readDevicesConfig, writeDevicesConfig } from './devicesConfig'
import { readIdentity, type StationIdentity } from './identity'
import { readStoreProfile, type StoreProfile } from './storeProfile'

/** A custom-code rule: codes matching this prefix or regular expression belong to cardId. */
export interface CustomCodeRule {
  cardId: string
  prefix?: string
  pattern?: string
}

export interface RedeemSettings {
  /** Live or training: offline, live never takes an unknown code on the cashier's word (docs/offline-policy.md). */
  mode: StationMode
  policy: RulesPolicy
  identity: StationIdentity
  store: StoreProfile
  normalizer: NormalizerConfig
  /** The keyboard-wedge scanner's prefix (devices page): a wedge scan carries it, the code does not. */
  wedgePrefix: string
  customCodeRules: CustomCodeRule[]
}

export const CustomCodeRuleSchema = z
  .object({
    cardId: z.string().min(1).max(32),
    prefix: z.string().min(1).max(20).optional(),
    pattern: z
      .string()
      .min(1)
      .max(200)
      .refine((p) => {
        try {
          new RegExp(p)
          return true
        } catch {
          return false
        }
      }, 'not a valid regular expression')
      .optional()
  })
  .strict()
  .refine((r) => r.prefix !== undefined || r.pattern !== undefined, 'a rule needs a prefix or a pattern')

const KEYS = {
  policy: 'rules.policy',
  normalizer: 'scan.normalizer',
  customCodes: 'scan.customCodeRules'
} as const

export class StationSettings {
  constructor(
    private readonly db: Db,
    private readonly mode: StationMode,
    private readonly now: () => number = Date.now
  ) {}

  policy(): RulesPolicy {
    const parsed = rulesPolicySchema.safeParse(readSetting(this.db, KEYS.policy))
    if (parsed.success) return parsed.data
    // Training practises the offline "pick the coupon" drill, so it accepts unknown cards offline;
    // a live station starts with the safe default (refuse them) until a manager decides otherwise.
    return this.mode === 'training'
      ? { ...DEFAULT_POLICY, offline: { ...DEFAULT_POLICY.offline, allowUnknownCards: true } }
      : DEFAULT_POLICY
  }

  setPolicy(policy: RulesPolicy): void {
    writeSetting(this.db, KEYS.policy, rulesPolicySchema.parse(policy))
  }

  /** A manager's change of the rules: written and audited (before and after) in one transaction. */
  changePolicy(policy: RulesPolicy, by: Actor): RulesPolicy {
    const before = this.policy()
    this.db.transaction(() => {
      this.setPolicy(policy)
      this.audit(by, 'policy', { before, after: policy })
    })()
    return this.policy()
  }

  devices(): DevicesConfig {
    return readDevicesConfig(this.db)
  }

  /** The devices page's save: written and audited in one transaction; the caller then applies it. */
  changeDevices(config: DevicesConfig, by: Actor): DevicesConfig {
    const before = readDevicesConfig(this.db)
    this.db.transaction(() => {
      writeDevicesConfig(this.db, config)
      this.audit(by, 'devices', { before, after: config })
    })()
    return readDevicesConfig(this.db)
  }

  private audit(by: Actor, subject: string, detail: Record<string, unknown>): void {
    appendAudit(this.db, {
      at: this.now(),
      actorId: by.staffId,
      actorName: by.name,
      action: 'settings.changed',
      subject,
      detail
    })
  }

  normalizer(): NormalizerConfig {
    const parsed = normalizerConfigSchema.safeParse(readSetting(this.db, KEYS.normalizer) ?? {})
    return parsed.success ? parsed.data : DEFAULT_NORMALIZER_CONFIG
  }

  customCodeRules(): CustomCodeRule[] {
    // No built-in rule in training either: the counter has no page to set these, so training practises what a
    // live station does with a custom code — the cashier picks its card (the training sheet says so).
    const stored = readSetting(this.db, KEYS.customCodes)
    const parsed = z.array(CustomCodeRuleSchema).safeParse(stored ?? [])
    return parsed.success ? parsed.data : []
  }

  identity(): StationIdentity {
    return readIdentity(this.db, this.mode)
  }

  store(): StoreProfile {
    return readStoreProfile(this.db)
  }

  private snapshot: { generation: number; value: RedeemSettings } | null = null

  /** One consistent snapshot for one decision; re-read only after a setting was written. */
  forRedeem(): RedeemSettings {
    const generation = settingsGeneration(this.db)
    if (this.snapshot?.generation === generation) return this.snapshot.value
    const value: RedeemSettings = {
      mode: this.mode,
      policy: this.policy(),
      identity: this.identity(),
      store: this.store(),
      normalizer: this.normalizer(),
      wedgePrefix: readDevicesConfig(this.db).wedge.prefix,
      customCodeRules: this.customCodeRules()
    }
    // identity() may have written the generated station id: key the snapshot after reading.
    this.snapshot = { generation: settingsGeneration(this.db), value }
    return value
  }
}
