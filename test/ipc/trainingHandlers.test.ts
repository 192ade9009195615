/** training.scenarios serves the sample codes on a training station only. */
import { describe, expect, it } from 'vitest'
import { trainingHandlers } from '../../src/main/ipc/handlers/training'
import type { PracticeResetDeps } from '../../src/main/training/practiceReset'
import { TrainingService } from '../../src/main/training/service'
import { createTrainingSandbox } from '../../src/main/upstream/sandbox'
import { createTranslator } from '../../src/shared/i18n'

// The scenarios read only the mode and the sandbox.
const stationIn = (mode: 'training' | 'live') => ({
  training: new TrainingService({
    mode,
    sandbox: mode === 'training' ? createTrainingSandbox() : null
  } as PracticeResetDeps)
})

describe('training.scenarios', () => {
  it('lists every scenario with its expected outcome on a training station', () => {
    const list = trainingHandlers(stationIn('training'))['training.scenarios']()
    expect(list.length).toBeGreaterThan(10)
    const min = list.find((s) => s.key === 'CASH_MIN_SPEND')
    expect(min).toMatchObject({ expected: 'NEEDS_AMOUNT', followUp: { billFen: 12000, expected: 'OK' } })
    expect(createTranslator('zh-CN')(`trainingScenario.${min?.key}.title`, min?.params)).toBe('满100减10')
    expect(list.find((s) => s.key === 'GIFT')?.followUp).toBeNull()
  })

  it('answers an empty list on a live station', () => {
    expect(trainingHandlers(stationIn('live'))['training.scenarios']()).toEqual([])
  })
})
