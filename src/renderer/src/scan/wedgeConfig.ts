/**
 * Timing rules that tell a keyboard-wedge scanner from a person. Scanners type 1–80 ms per key (Zebra
 * ~80), people rarely under 80 ms on average, so the defaults catch ordinary scanners and a slow one is
 * calibrated from a test scan (calibrate.ts).
 */
export interface WedgeConfig {
  /** A burst is a scan only if its keys came at most this many ms apart on average. */
  avgMsPerChar: number
  /**
   * A longer pause between two keys ends a burst; the next key starts a new one. Generous on purpose: a
   * busy browser can stall key events for tens of ms, and a burst split after its first key would lose
   * that key to the field. Typing is told apart by the average (and held keys are given back), not by
   * this gap.
   */
  maxGapMs: number
  /** Characters (prefix excluded) a scan has at least; shorter bursts are typing. */
  minLength: number
  /** Keys that end a scan, as KeyboardEvent.code or .key ('Enter', 'NumpadEnter', 'Tab'). */
  suffixKeys: readonly string[]
  /** false: a burst that simply stops (no suffix configured on the scanner) is a scan too. */
  requireSuffix: boolean
  /** When set, only bursts starting with this text are scans (the scanner's configured prefix). */
  prefix: string
}

export const DEFAULT_WEDGE_CONFIG: Readonly<WedgeConfig> = Object.freeze({
  avgMsPerChar: 35,
  maxGapMs: 100,
  minLength: 6,
  suffixKeys: ['Enter', 'NumpadEnter', 'Tab'],
  requireSuffix: true,
  prefix: ''
})

export function wedgeConfig(partial: Partial<WedgeConfig> = {}): WedgeConfig {
  return { ...DEFAULT_WEDGE_CONFIG, ...partial }
}
