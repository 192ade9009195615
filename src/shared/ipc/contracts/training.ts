/**
 * The training sheet's channels: the sample codes of the built-in sandbox, one per outcome, so a new
 * cashier can practise each (served only in training mode; live mode answers an empty list), and a
 * manager's "reset practice" (refused on a live station with TRAINING_ONLY).
 */
import { z } from 'zod'
import type { TRAINING_CHANNELS } from '../names'
import { noArgs, shape, type ChannelSpec } from '../spec'
import type { Fen } from '../../money'
import type { Outcome } from '../../rules'

export interface TrainingScenarioView {
  key: string
  code: string
  /** What the station should decide right after the scan. */
  expected: Outcome
  /** For coupons that need the bill: the decision once this bill is entered. */
  followUp: { billFen: Fen; expected: Outcome } | null
  /** Values for its words, `trainingScenario.<key>.title` / `.description` (docs/i18n.md). */
  params: { hours: string }
}

/** What "reset practice" did, for the sheet to say. */
export interface PracticeResetResult {
  at: number
  /** Practice redemptions marked as cleared (voided with the reason the manager's screen gave). */
  cleared: number
  /** Of those, the ones still waiting to sync: their queue items were cancelled, nothing of them is sent. */
  cancelled: number
  /** The outside-hours coupon's new daily window (the seed is dated again). */
  hoursLabel: string
}

export const PracticeResetRequest = z
  .object({
    /** The void reason written on each cleared redemption, in the manager's language (from the catalogue). */
    reason: z.string().trim().min(1).max(200)
  })
  .strict()

export const trainingContract = {
  'training.scenarios': { request: noArgs, response: shape<TrainingScenarioView[]>(), access: 'staff' },
  'training.resetPractice': {
    request: PracticeResetRequest,
    response: shape<PracticeResetResult>(),
    access: 'manager'
  }
} as const satisfies Record<(typeof TRAINING_CHANNELS)[number], ChannelSpec>
