/**
 * What only a training station does: the training sheet's sample codes, "reset practice", and the manager's
 * drill that makes a conflict (the sandbox marks a code used at "another store"). A live station has no sandbox:
 * the scenarios are an empty list (no sample code is ever presented as something to scan for real) and the two
 * actions answer TRAINING_ONLY before anything is read or written.
 */
import type { TrainingScenarioView, PracticeResetResult } from '../../shared/ipc/contracts/training'
import { AppFailure } from '../../shared/result'
import type { Actor } from '../audit/actor'
import { resetPractice, trainingSandboxOf, type PracticeResetDeps } from './practiceReset'

export class TrainingService {
  constructor(private readonly deps: PracticeResetDeps) {}

  scenarios(): TrainingScenarioView[] {
    if (this.deps.mode !== 'training' || this.deps.sandbox === null) return []
    // The seed the sandbox's cards were built from, never a second one dated now: the window a description
    // names is the window the card carries and the rules enforce.
    return trainingSandboxOf(this.deps)
      .currentSeed()
      .scenarios.map((s) => ({
        key: s.key,
        code: s.code,
        expected: s.expected,
        followUp: s.followUp ?? null,
        params: s.params
      }))
  }

  resetPractice(by: Actor, reason: string): Promise<PracticeResetResult> {
    return resetPractice(this.deps, by, reason)
  }

  /** The drill: the code is consumed at the sandbox as if another store had redeemed it. */
  usedElsewhere(code: string): { code: string; consumedAt: number } {
    const sandbox = trainingSandboxOf(this.deps)
    const entry = sandbox.model.anyEntryOf(code)
    if (!entry) throw new AppFailure('NOT_FOUND', `The training sandbox has no code ${code}.`)
    if (sandbox.model.effectiveStatus(entry) !== 'NORMAL')
      throw new AppFailure('NOT_REDEEMABLE', `The training code ${code} is not usable any more.`)
    return { code, consumedAt: sandbox.model.applyConsume(entry).at }
  }
}
