/**
 * training.scenarios: the training sheet's sample codes (an empty list on a live station).
 * training.resetPractice: a manager's "reset practice" (src/main/training); TRAINING_ONLY live.
 */
import type { ParsedRequestOf } from '../../../shared/ipc/contract'
import type { ActingContext } from '../context'
import type { HandlerServices } from './services'

export function trainingHandlers({ training }: Pick<HandlerServices, 'training'>) {
  return {
    'training.scenarios': () => training.scenarios(),
    'training.resetPractice': (req: ParsedRequestOf<'training.resetPractice'>, { actor }: ActingContext) =>
      training.resetPractice(actor, req.reason)
  }
}
