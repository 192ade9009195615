/** The sound cues differ where a cashier must hear the difference; the duplicate alarm is the loudest and longest. */
import { describe, expect, it } from 'vitest'
import { CUES, cueLength, type Cue } from '../../src/renderer/src/sound/cues'

const signature = (cue: Cue) => JSON.stringify(CUES[cue].map((t) => [t.frequency, t.type, t.duration]))
const loudest = (cue: Cue) => Math.max(...CUES[cue].map((t) => t.gain))

describe('sound cues', () => {
  it('are all different', () => {
    const cues = Object.keys(CUES) as Cue[]
    expect(new Set(cues.map(signature)).size).toBe(cues.length)
  })

  it('make duplicate a long, loud, two-tone alarm unlike deny', () => {
    const tones = new Set(CUES.duplicate.map((t) => t.frequency))
    expect(tones.size).toBe(2)
    expect(cueLength('duplicate')).toBeGreaterThan(1)
    for (const cue of ['ok', 'prompt', 'warn', 'deny', 'redeemed'] as Cue[]) {
      expect(cueLength('duplicate')).toBeGreaterThan(2 * cueLength(cue))
      expect(loudest('duplicate')).toBeGreaterThan(loudest(cue))
    }
  })

  it('keep every tone audible and inside its cue', () => {
    for (const tones of Object.values(CUES)) {
      for (const t of tones) {
        expect(t.frequency).toBeGreaterThanOrEqual(150)
        expect(t.frequency).toBeLessThanOrEqual(2000)
        expect(t.gain).toBeGreaterThan(0)
        expect(t.gain).toBeLessThanOrEqual(1)
        expect(t.duration).toBeGreaterThan(0.03)
      }
    }
  })
})
