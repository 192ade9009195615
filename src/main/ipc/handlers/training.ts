/**
 * training.scenarios: the training sheet's list of sample codes. Only a training station has them; a live
 * station answers an empty list so no sample code is ever presented as something to scan for real.
 */
import type { TrainingScenarioView } from '../../../shared/ipc/contracts/training'
import type { Station } from '../../station/station'
import { trainingSeed } from '../../upstream/sandbox'

export function trainingHandlers(station: Station, now: () => number = Date.now) {
  return {
    'training.scenarios': (): TrainingScenarioView[] => {
      if (station.mode !== 'training') return []
      // Dated like the sandbox's own seed, so the hour window in a description matches the card.
      return trainingSeed(now()).scenarios.map((s) => ({
        key: s.key,
        code: s.code,
        expected: s.expected,
        followUp: s.followUp ?? null,
        title: s.title,
        description: s.description
      }))
    }
  }
}
