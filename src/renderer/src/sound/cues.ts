/**
 * The counter's sound cues, generated with the Web Audio API (no sound files to ship or load). Each cue is
 * a list of tones; the shapes differ in pitch, rhythm, waveform and length so a cashier who is not looking
 * still tells them apart. The duplicate alarm is the loudest and longest, two-tone like a siren: a code
 * used twice is the one mistake that costs the store money.
 */
export type Cue = 'ok' | 'prompt' | 'warn' | 'deny' | 'duplicate' | 'redeemed'

/** The Web Audio oscillator shapes (kept as a plain union so this file needs no DOM types). */
export type Wave = 'sine' | 'square' | 'sawtooth' | 'triangle'

export interface Tone {
  /** Seconds after the cue starts. */
  start: number
  duration: number
  frequency: number
  type: Wave
  /** Peak gain 0…1. */
  gain: number
}

const tone = (start: number, duration: number, frequency: number, type: Wave, gain: number): Tone => ({
  start,
  duration,
  frequency,
  type,
  gain
})

function duplicateAlarm(): Tone[] {
  // 8 alternations of a high and a low square tone: about 1.6 s.
  return Array.from({ length: 8 }, (_, i) => tone(i * 0.2, 0.19, i % 2 === 0 ? 1200 : 700, 'square', 0.6))
}

export const CUES: Readonly<Record<Cue, Tone[]>> = {
  // Rising two-note chime.
  ok: [tone(0, 0.09, 880, 'sine', 0.3), tone(0.1, 0.14, 1320, 'sine', 0.3)],
  // One soft mid note: "your turn, type the amount".
  prompt: [tone(0, 0.12, 660, 'sine', 0.22)],
  // Two medium triangle beeps.
  warn: [tone(0, 0.15, 520, 'triangle', 0.4), tone(0.25, 0.15, 520, 'triangle', 0.4)],
  // One low, rough buzz.
  deny: [tone(0, 0.45, 180, 'sawtooth', 0.45)],
  duplicate: duplicateAlarm(),
  // Three rising notes: the redemption is saved.
  redeemed: [
    tone(0, 0.08, 784, 'sine', 0.3),
    tone(0.09, 0.08, 988, 'sine', 0.3),
    tone(0.18, 0.16, 1319, 'sine', 0.3)
  ]
}

/** Total length of a cue in seconds. */
export const cueLength = (cue: Cue): number => Math.max(...CUES[cue].map((t) => t.start + t.duration))
