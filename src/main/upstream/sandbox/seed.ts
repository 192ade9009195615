/**
 * The training seed: one code per scenario of docs/product-rules.md §9 (and a few more), plus the machine-readable list
 * the training sheet and browser tests use. Codes are fixed 12-digit strings (some with leading zeros, to
 * catch number coercion); the dates move with `now`. To add a scenario: add a row in training-scenarios.ts
 * (and a card in training-cards.ts if none fits); seed.test.ts checks that every row behaves as described.
 */
import type { Fen } from '../../../shared/money'
import { DEFAULT_TIME_ZONE, type EpochMs } from '../../../shared/time'
import type { Clock } from './clock'
import { Sandbox, type SandboxOptions } from './sandbox'
import { TRAINING_CARD_IDS, trainingCards } from './training-cards'
import { scenarioRows, type TrainingOutcome } from './training-scenarios'
import type { CodeSeed, SandboxSeed } from './types'

export const TRAINING_APP_ID = 'wxTRAINING000000'
export const TRAINING_APP_SECRET = 'hexiaotrainingsecret000000000000'
export const TRAINING_STORE_LOCATION_ID = 100001
/**
 * Custom codes of the training partner card start with this. No rule maps it to its card: as on a live station
 * without custom-code rules, the counter asks the cashier which custom-code card it is (40056 without card_id).
 */
export const TRAINING_CUSTOM_CODE_PREFIX = '88'
export const TRAINING_NETWORK_DOWN_MS = 20_000
/** After a network-down drill the code stays quiet this long, so its offline redemption can sync. */
export const TRAINING_NETWORK_DOWN_COOLDOWN_MS = 120_000
export { TRAINING_CARD_IDS }
export type { TrainingOutcome }

export interface TrainingScenario {
  key: string
  code: string
  /** Undefined only for the code that does not exist upstream. */
  cardId?: string
  /** What the station should decide right after the scan. */
  expected: TrainingOutcome
  /** For coupons that need the bill: the decision once this bill amount is entered. */
  followUp?: { billFen: Fen; expected: TrainingOutcome }
  /** Values its words (`trainingScenario.<key>.title` / `.description`) use: the outside-hours window. */
  params: { hours: string }
}

export interface TrainingSeed extends SandboxSeed {
  storeLocationId: number
  /** The store's zone the outside-hours window was chosen in (the zone the rules read it in). */
  storeZone: string
  /** When it was dated. */
  datedAt: EpochMs
  /** The outside-hours card's daily window, 'HH:mm–HH:mm', exactly as on its card. */
  hoursLabel: string
  scenarios: TrainingScenario[]
}

const openid = (n: number): string => `oHXTRN${String(n).padStart(4, '0')}`.padEnd(28, 'x')

export function trainingSeed(
  now: EpochMs,
  storeLocationId: number = TRAINING_STORE_LOCATION_ID,
  storeZone: string = DEFAULT_TIME_ZONE
): TrainingSeed {
  const { cards, codeWindow, hoursLabel } = trainingCards(now, storeLocationId, storeZone)
  const table = scenarioRows()
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
    params: { hours: hoursLabel }
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
    storeZone,
    datedAt: now,
    hoursLabel,
    scenarios
  }
}

export interface TrainingSandboxOptions extends Partial<Omit<SandboxOptions, 'seed'>> {
  storeLocationId?: number
  /** The store's time zone, read each time the seed is dated (the station passes its store profile's). */
  storeZone?: () => string
}

/**
 * A sandbox on the training seed that keeps the seed it was last dated with: the training sheet reads its
 * texts from currentSeed(), the cards the counter's rules check come from the same object, so the sheet can
 * never show a window the rules do not enforce (it used to date a second seed of its own, an hour later).
 * reset() dates a new seed at the clock's current time in the store's current zone.
 */
export class TrainingSandbox extends Sandbox {
  private readonly holder: { seed: TrainingSeed | null }

  constructor(options: TrainingSandboxOptions = {}) {
    const {
      storeLocationId = TRAINING_STORE_LOCATION_ID,
      now = Date.now,
      storeZone = () => DEFAULT_TIME_ZONE,
      ...rest
    } = options
    const clock: Clock = now
    const holder: { seed: TrainingSeed | null } = { seed: null }
    super({
      ...rest,
      now: clock,
      seed: () => (holder.seed = trainingSeed(clock(), storeLocationId, storeZone()))
    })
    this.holder = holder
  }

  /** The seed the sandbox's cards and codes were built from. */
  currentSeed(): TrainingSeed {
    if (!this.holder.seed) throw new Error('training sandbox without a seed')
    return this.holder.seed
  }
}

/** A sandbox on the training seed. reset() re-dates the seed to the clock's current time. */
export function createTrainingSandbox(options: TrainingSandboxOptions = {}): TrainingSandbox {
  return new TrainingSandbox(options)
}
