/**
 * The training seed: one code per scenario of PRODUCT.md §9 (and a few more), plus the machine-readable list
 * the training sheet and browser tests use. Codes are fixed 12-digit strings (some with leading zeros, to
 * catch number coercion); the dates move with `now`. To add a scenario: add a row in training-scenarios.ts
 * (and a card in training-cards.ts if none fits); seed.test.ts checks that every row behaves as described.
 */
import type { Fen } from '../../../shared/money'
import type { EpochMs } from '../../../shared/time'
import type { Clock } from './clock'
import { Sandbox, type SandboxOptions } from './sandbox'
import { TRAINING_CARD_IDS, trainingCards } from './training-cards'
import { scenarioRows, type TrainingOutcome } from './training-scenarios'
import type { CodeSeed, SandboxSeed } from './types'

export const TRAINING_APP_ID = 'wxTRAINING000000'
export const TRAINING_APP_SECRET = 'hexiaotrainingsecret000000000000'
export const TRAINING_STORE_LOCATION_ID = 100001
/** Custom codes of the training partner card start with this; the station maps it to TRAINING_CARD_IDS.custom. */
export const TRAINING_CUSTOM_CODE_PREFIX = '88'
export const TRAINING_NETWORK_DOWN_MS = 20_000
/** After a network-down drill the code stays quiet this long, so its offline redemption can sync. */
export const TRAINING_NETWORK_DOWN_COOLDOWN_MS = 120_000
export { TRAINING_CARD_IDS }
export type { TrainingOutcome }

export interface LocalizedText {
  'zh-CN': string
  en: string
}

export interface TrainingScenario {
  key: string
  code: string
  /** Undefined only for the code that does not exist upstream. */
  cardId?: string
  /** What the station should decide right after the scan. */
  expected: TrainingOutcome
  /** For coupons that need the bill: the decision once this bill amount is entered. */
  followUp?: { billFen: Fen; expected: TrainingOutcome }
  title: LocalizedText
  description: LocalizedText
}

export interface TrainingSeed extends SandboxSeed {
  storeLocationId: number
  scenarios: TrainingScenario[]
}

const openid = (n: number): string => `oHXTRN${String(n).padStart(4, '0')}`.padEnd(28, 'x')

export function trainingSeed(
  now: EpochMs,
  storeLocationId: number = TRAINING_STORE_LOCATION_ID
): TrainingSeed {
  const { cards, codeWindow, hoursLabel } = trainingCards(now, storeLocationId)
  const table = scenarioRows(hoursLabel)
  const codes: CodeSeed[] = []
  table.forEach((row, i) => {
    if (!row.card) return
    const window = codeWindow(row.card)
    codes.push({
      code: row.code,
      cardId: TRAINING_CARD_IDS[row.card],
      openid: openid(i + 1),
      status: row.status ?? 'NORMAL',
      beginTime: window.begin,
      endTime: window.end,
      outerStr: 'training',
      ...(row.status === 'CONSUMED' ? { consumedAt: now - 86_400_000 } : {})
    })
  })
  const scenarios = table.map((row): TrainingScenario => ({
    key: row.key,
    code: row.code,
    ...(row.card ? { cardId: TRAINING_CARD_IDS[row.card] } : {}),
    expected: row.expected,
    ...(row.followUp ? { followUp: row.followUp } : {}),
    title: { 'zh-CN': row.title[0], en: row.title[1] },
    description: { 'zh-CN': row.description[0], en: row.description[1] }
  }))
  const networkDown = table.find((row) => row.key === 'NETWORK_DOWN')
  return {
    apps: [{ appid: TRAINING_APP_ID, secret: TRAINING_APP_SECRET }],
    cards: Object.values(cards),
    codes,
    tripwires: networkDown
      ? [
          {
            code: networkDown.code,
            durationMs: TRAINING_NETWORK_DOWN_MS,
            mode: 'refuse',
            cooldownMs: TRAINING_NETWORK_DOWN_COOLDOWN_MS
          }
        ]
      : [],
    storeLocationId,
    scenarios
  }
}

export interface TrainingSandboxOptions extends Partial<Omit<SandboxOptions, 'seed'>> {
  storeLocationId?: number
}

/** A sandbox on the training seed. reset() re-dates the seed to the clock's current time. */
export function createTrainingSandbox(options: TrainingSandboxOptions = {}): Sandbox {
  const { storeLocationId = TRAINING_STORE_LOCATION_ID, now = Date.now, ...rest } = options
  const clock: Clock = now
  return new Sandbox({ ...rest, now: clock, seed: () => trainingSeed(clock(), storeLocationId) })
}
