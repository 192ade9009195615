/** Plays a cue through the Web Audio API: oscillators and gain ramps, nothing to download or ship. */
import { CUES, type Cue } from './cues'

let context: AudioContext | null = null

/** Plays a cue; silently does nothing where audio is unavailable (a counter without speakers still works). */
export function playCue(cue: Cue): void {
  const AudioCtor = globalThis.AudioContext
  if (!AudioCtor) return
  try {
    context ??= new AudioCtor()
    const ctx = context
    if (ctx.state === 'suspended') void ctx.resume()
    const t0 = ctx.currentTime + 0.01
    for (const t of CUES[cue]) {
      const osc = ctx.createOscillator()
      const gain = ctx.createGain()
      osc.type = t.type
      osc.frequency.value = t.frequency
      // Short ramps in and out: no clicks.
      gain.gain.setValueAtTime(0, t0 + t.start)
      gain.gain.linearRampToValueAtTime(t.gain, t0 + t.start + 0.01)
      gain.gain.setValueAtTime(t.gain, t0 + t.start + t.duration - 0.02)
      gain.gain.linearRampToValueAtTime(0, t0 + t.start + t.duration)
      osc.connect(gain).connect(ctx.destination)
      osc.start(t0 + t.start)
      osc.stop(t0 + t.start + t.duration + 0.01)
    }
  } catch {
    // Audio is a help, never a reason to fail a scan.
  }
}
