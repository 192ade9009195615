/**
 * The training sheet's channel: the sample codes of the built-in sandbox, one per outcome, so a new
 * cashier can practise each. Served only in training mode (live mode answers an empty list).
 */
import type { TRAINING_CHANNELS } from '../names'
import { noArgs, shape, type ChannelSpec } from '../spec'
import type { Fen } from '../../money'
import type { Outcome } from '../../rules'

export interface TrainingText {
  'zh-CN': string
  en: string
}

export interface TrainingScenarioView {
  key: string
  code: string
  /** What the station should decide right after the scan. */
  expected: Outcome
  /** For coupons that need the bill: the decision once this bill is entered. */
  followUp: { billFen: Fen; expected: Outcome } | null
  title: TrainingText
  description: TrainingText
}

export const trainingContract = {
  'training.scenarios': { request: noArgs, response: shape<TrainingScenarioView[]>(), access: 'staff' }
} as const satisfies Record<(typeof TRAINING_CHANNELS)[number], ChannelSpec>
