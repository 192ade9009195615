/**
 * training.scenarios: the training sheet's list of sample codes. Only a training station has them; a live
 * station answers an empty list so no sample code is ever presented as something to scan for real.
 * training.resetPractice: a manager's "reset practice" (src/main/station/practiceReset.ts); TRAINING_ONLY live.
 */
import type { ParsedRequestOf } from '../../../shared/ipc/contract'
import type { TrainingScenarioView } from '../../../shared/ipc/contracts/training'
import { AppFailure } from '../../../shared/result'
import { resetPractice } from '../../station/practiceReset'
import type { Station } from '../../station/station'
import { TrainingSandbox } from '../../upstream/sandbox'
import type { HandlerContext } from './index'

export function trainingHandlers(station: Station) {
  return {
    'training.scenarios': (): TrainingScenarioView[] => {
      const sandbox = station.mode === 'training' ? station.sandbox : null
      if (!(sandbox instanceof TrainingSandbox)) return []
      // The seed the sandbox's cards were built from, never a second one dated now: the window a description
      // names is the window the card carries and the rules enforce.
      return sandbox.currentSeed().scenarios.map((s) => ({
        key: s.key,
        code: s.code,
        expected: s.expected,
        followUp: s.followUp ?? null,
        params: s.params
      }))
    },
    'training.resetPractice': (req: ParsedRequestOf<'training.resetPractice'>, ctx: HandlerContext) => {
      // The dispatcher already refused anyone but a signed-in manager; this narrows the type.
      const staff = ctx.session.staff
      if (!staff) throw new AppFailure('NOT_SIGNED_IN', 'Sign in first.')
      return resetPractice(station, { id: staff.staffId, name: staff.name }, req.reason)
    }
  }
}
